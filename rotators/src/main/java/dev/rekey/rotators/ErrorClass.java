package dev.rekey.rotators;

/** Whose failure an error is, which decides whether rekey retries it. */
public enum ErrorClass {
  /** Bad input or a missing permission: a clear message, never retried. */
  USER,
  /** Throttling, a 5xx answer, a timeout: retried with backoff, a bounded number of times. */
  RETRYABLE,
  /** Anything else: the run stops, the journal is kept and the run can be resumed. */
  FATAL;

  public String label() {
    return switch (this) {
      case USER -> "user error";
      case RETRYABLE -> "temporary error";
      case FATAL -> "error";
    };
  }
}

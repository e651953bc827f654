package dev.rekey.scanner.model;

import java.util.Locale;

/**
 * What the provider said about a finding's secret when asked ({@code rekey scan --verify}).
 *
 * @param status live, revoked, unknown or error
 * @param reason why, in a few words: the provider's answer, or why no answer was sought
 */
public record Verified(Status status, String reason) {

  /** The answer to "is this key still live?". */
  public enum Status {
    /** The provider accepted the secret. */
    LIVE,
    /** The provider refused it as unknown, revoked or expired. */
    REVOKED,
    /** No answer either way: no read-only check exists, a canary token, a missing detail. */
    UNKNOWN,
    /** The check failed: the provider could not be reached or kept failing. */
    ERROR;

    /** The name used in reports, e.g. {@code live}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static Verified live(String reason) {
    return new Verified(Status.LIVE, reason);
  }

  public static Verified revoked(String reason) {
    return new Verified(Status.REVOKED, reason);
  }

  public static Verified unknown(String reason) {
    return new Verified(Status.UNKNOWN, reason);
  }

  public static Verified error(String reason) {
    return new Verified(Status.ERROR, reason);
  }
}

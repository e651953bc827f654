package dev.rekey.cli;

/** The process exit codes. An error outranks findings. */
final class ExitCode {
  /** Nothing found (or the command succeeded). */
  static final int CLEAN = 0;

  /** Secrets found, or a rotation left incomplete. */
  static final int FINDINGS = 1;

  /** Usage or operational error: bad flags or config, unreadable input, incomplete scan. */
  static final int ERROR = 2;

  private ExitCode() {}
}

package dev.rekey.scanner.model;

/**
 * Something that kept part of the input from being scanned. An {@link Kind#ERROR} makes the scan
 * incomplete (exit code 2); a {@link Kind#SKIPPED} is a deliberate omission (binary or oversized
 * content) reported so nothing is dropped silently.
 *
 * @param kind error or skip
 * @param where the path, object id or URL concerned
 * @param message what happened and, for errors, what to do
 */
public record Problem(Kind kind, String where, String message) {

  /** Whether the problem makes the scan incomplete. */
  public enum Kind {
    ERROR,
    SKIPPED
  }

  public static Problem error(String where, String message) {
    return new Problem(Kind.ERROR, where, message);
  }

  public static Problem skipped(String where, String message) {
    return new Problem(Kind.SKIPPED, where, message);
  }

  public boolean isError() {
    return kind == Kind.ERROR;
  }
}

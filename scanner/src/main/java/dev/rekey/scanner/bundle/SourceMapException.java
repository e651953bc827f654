package dev.rekey.scanner.bundle;

/** A source map could not be read; the message says what is wrong with it. */
final class SourceMapException extends Exception {
  private static final long serialVersionUID = 1L;

  SourceMapException(String message) {
    super(message);
  }

  SourceMapException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.rekey.scanner.pipeline;

/** A source as a whole could not be read. The message says what, why and what to do. */
public class SourceException extends Exception {
  private static final long serialVersionUID = 1L;

  public SourceException(String message) {
    super(message);
  }

  public SourceException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.rekey.scanner.baseline;

/** A baseline could not be read or written. The message names the file, the cause and a fix. */
public final class BaselineException extends Exception {
  private static final long serialVersionUID = 1L;

  public BaselineException(String message) {
    super(message);
  }

  public BaselineException(String message, Throwable cause) {
    super(message, cause);
  }
}

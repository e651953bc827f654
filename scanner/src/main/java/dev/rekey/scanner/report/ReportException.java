package dev.rekey.scanner.report;

/**
 * A report given to read back is not one rekey wrote: not JSON, cut short, too large or too deep,
 * or a field missing or of the wrong type. The message says where (finding number and field) and
 * never echoes the input's values, which may be hostile.
 */
public final class ReportException extends Exception {
  private static final long serialVersionUID = 1L;

  public ReportException(String message) {
    super(message);
  }

  public ReportException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.rekey.scanner.report;

/**
 * How to write a report.
 *
 * @param showSecrets include secrets in clear (only on the user's explicit request)
 * @param color use ANSI colour (only for a terminal, and never when {@code NO_COLOR} is set)
 */
public record ReportOptions(boolean showSecrets, boolean color) {
  public static final ReportOptions PLAIN = new ReportOptions(false, false);
}

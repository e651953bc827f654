package dev.rekey.scanner.report;

import dev.rekey.detectors.SecretValue;

/**
 * How to write a report.
 *
 * @param showSecrets include secrets in clear (only on the user's explicit request)
 * @param color use ANSI colour (only for a terminal, and never when {@code NO_COLOR} is set)
 * @param toolVersion rekey's version, recorded by reports that name their tool (SARIF)
 */
public record ReportOptions(boolean showSecrets, boolean color, String toolVersion) {
  public static final ReportOptions PLAIN = new ReportOptions(false, false);

  /** The secret as a report shows it: in full only when the user asked for it, else redacted. */
  public String shown(SecretValue secret) {
    return showSecrets ? secret.reveal() : secret.redacted();
  }

  /** Options for a tool of unknown version. */
  public ReportOptions(boolean showSecrets, boolean color) {
    this(showSecrets, color, "dev");
  }
}

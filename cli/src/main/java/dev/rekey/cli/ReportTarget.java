package dev.rekey.cli;

import dev.rekey.scanner.report.Format;
import dev.rekey.scanner.report.ReportOptions;
import dev.rekey.scanner.report.ReportStep;
import dev.rekey.scanner.report.Verification;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where and how a scan's report goes.
 *
 * @param format the report format
 * @param output the report file, or null for standard output
 * @param showSecrets print secrets in full
 * @param verification asks providers about the findings as they are reported, or null
 * @param onlyLive report only the findings the provider confirmed live
 */
record ReportTarget(
    Format format,
    @Nullable Path output,
    boolean showSecrets,
    @Nullable Verification verification,
    boolean onlyLive) {

  /** A report without verification. */
  static ReportTarget plain(Format format, @Nullable Path output, boolean showSecrets) {
    return new ReportTarget(format, output, showSecrets, null, false);
  }

  /** The reporting step: the format's reporter, verifying first when asked. */
  ReportStep step(ReportOptions options) {
    return new ReportStep(format.reporter(options), verification, onlyLive);
  }
}

package dev.rekey.scanner.report;

import dev.rekey.scanner.model.Finding;
import dev.rekey.scanner.model.ScanResult;
import dev.rekey.scanner.model.Verified;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The reporting step: live verification, when asked, happens here, on the findings about to be
 * reported only (known ones are sent nowhere); their answers are attached and, with {@code
 * onlyLive}, only the live ones written.
 *
 * @param reporter writes the format
 * @param verification asks providers about the findings, or null when not asked
 * @param onlyLive report only findings the provider confirmed live
 */
public record ReportStep(Reporter reporter, @Nullable Verification verification, boolean onlyLive) {

  /** A report without verification. */
  public static ReportStep plain(Reporter reporter) {
    return new ReportStep(reporter, null, false);
  }

  /**
   * Writes {@code result} to {@code out}, verified when asked; does not close it.
   *
   * @return what the report showed: the findings with their answers, only the live ones when so
   *     asked
   */
  public ScanResult write(ScanResult result, Writer out) throws IOException {
    ScanResult shown = shown(result);
    reporter.write(shown, out);
    return shown;
  }

  private ScanResult shown(ScanResult result) {
    Verification asked = verification;
    if (asked == null) {
      return result;
    }
    List<Finding> verified = asked.verifyAll(result.findings());
    if (onlyLive) {
      verified =
          verified.stream()
              .filter(f -> f.verified() != null && f.verified().status() == Verified.Status.LIVE)
              .toList();
    }
    return result.withFindings(verified);
  }
}

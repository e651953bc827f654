package dev.rekey.scanner.report;

import dev.rekey.scanner.model.ScanResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Instant;

/**
 * One self-contained HTML page for the people who decide what to rotate first: a summary, a
 * timeline, a prioritised table with the rotate command of each secret, its places, and what was
 * scanned. It is made from the JSON report's data ({@link AuditReportReader}), so {@code rekey
 * report} renders a saved report to the same page, and it is always redacted: no secret is ever
 * written into the page, even with {@code --show-secrets}.
 */
public final class HtmlReporter implements Reporter {
  private final ReportOptions options;

  public HtmlReporter(ReportOptions options) {
    this.options = options;
  }

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    StringWriter json = new StringWriter();
    new JsonReporter(new ReportOptions(false, false, options.toolVersion())).write(result, json);
    AuditReport report;
    try {
      report = AuditReportReader.read(json.toString());
    } catch (ReportException e) {
      throw new IllegalStateException(
          "rekey's JSON report does not read back: " + e.getMessage(), e);
    }
    write(report, Instant.now(), out);
  }

  /**
   * Writes the page of a report read back.
   *
   * @param asOf when the scan ran: the end of the timeline and the reference for ages
   */
  public void write(AuditReport report, Instant asOf, Writer out) throws IOException {
    out.write(HtmlPage.render(report, asOf, options));
    out.flush();
  }
}

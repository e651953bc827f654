package dev.rekey.scanner.report;

import dev.rekey.scanner.model.Finding;
import dev.rekey.scanner.model.Location;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.model.ScanResult;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * JUnit XML for CI dashboards: one failed test case per finding (its rule as the class, its primary
 * place as the name), one test case in error per scan error, and one passing test case when nothing
 * was found, so a clean scan shows green rather than empty.
 */
public final class JunitReporter implements Reporter {
  private final ReportOptions options;

  public JunitReporter(ReportOptions options) {
    this.options = options;
  }

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    List<Problem> errors = result.problems().stream().filter(Problem::isError).toList();
    int failures = result.findings().size();
    int tests = Math.max(1, failures + errors.size());
    String seconds =
        String.format(Locale.ROOT, "%.3f", result.stats().elapsed().toMillis() / 1000.0);
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.write(
        "<testsuites name=\"rekey\" tests=\"%d\" failures=\"%d\" errors=\"%d\" time=\"%s\">\n"
            .formatted(tests, failures, errors.size(), seconds));
    out.write(
        "  <testsuite name=\"rekey scan\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"0\" time=\"%s\">\n"
            .formatted(tests, failures, errors.size(), seconds));
    for (Finding finding : result.findings()) {
      writeFinding(finding, out);
    }
    for (Problem problem : errors) {
      out.write(
          "    <testcase classname=\"rekey\" name=\"%s\">\n      <error message=\"%s\"/>\n    </testcase>\n"
              .formatted(xml(problem.where()), xml(problem.message())));
    }
    if (tests == 1 && failures == 0 && errors.isEmpty()) {
      out.write("    <testcase classname=\"rekey\" name=\"no secrets found\"/>\n");
    }
    out.write("  </testsuite>\n</testsuites>\n");
    out.flush();
  }

  private void writeFinding(Finding finding, Writer out) throws IOException {
    String secret = options.shown(finding.secret());
    out.write(
        "    <testcase classname=\"%s\" name=\"%s\">\n"
            .formatted(xml(finding.rule().id()), xml(TextReporter.where(finding.primary()))));
    out.write(
        "      <failure type=\"%s\" message=\"%s\">"
            .formatted(
                finding.severity().label(),
                xml(finding.rule().description() + " (" + secret + ")")));
    StringBuilder body = new StringBuilder();
    for (Location location : finding.locations()) {
      body.append("found at ").append(TextReporter.where(location)).append('\n');
    }
    body.append("fingerprint ").append(finding.fingerprint()).append('\n');
    if (finding.rule().rotationUrl() != null) {
      body.append("rotate ").append(finding.rule().rotationUrl()).append('\n');
    }
    out.write(xml(body.toString()));
    out.write("</failure>\n    </testcase>\n");
  }

  /** Escapes text for XML 1.0 content and attributes, dropping characters XML 1.0 forbids. */
  static String xml(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    InertText.lines(text)
        .codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> {
                  if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                    escaped.appendCodePoint(c);
                  }
                }
              }
            });
    return escaped.toString();
  }
}

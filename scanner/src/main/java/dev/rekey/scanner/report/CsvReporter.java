package dev.rekey.scanner.report;

import dev.rekey.scanner.model.CommitInfo;
import dev.rekey.scanner.model.Finding;
import dev.rekey.scanner.model.Location;
import dev.rekey.scanner.model.ScanResult;
import java.io.IOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * CSV (RFC 4180) for spreadsheets: a header, then one row per place a secret was found; the rows of
 * one secret share its fingerprint, and its first row is its primary location. Cells a spreadsheet
 * would take for a formula are prefixed with an apostrophe.
 */
public final class CsvReporter implements Reporter {
  private static final List<String> COLUMNS =
      List.of(
          "rule",
          "severity",
          "path",
          "line",
          "column",
          "source",
          "commit",
          "author",
          "email",
          "date",
          "fingerprint",
          "redacted",
          "description",
          "rotation_url",
          "exposure",
          "container");

  private final ReportOptions options;

  public CsvReporter(ReportOptions options) {
    this.options = options;
  }

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    List<String> header = new ArrayList<>(COLUMNS);
    if (options.showSecrets()) {
      header.add("secret");
    }
    row(header, out);
    for (Finding finding : result.findings()) {
      for (Location location : finding.locations()) {
        row(cells(finding, location), out);
      }
    }
    out.flush();
  }

  private List<String> cells(Finding finding, Location location) {
    CommitInfo commit = location.provenance().commit();
    List<String> cells = new ArrayList<>();
    cells.add(finding.rule().id());
    cells.add(finding.severity().label());
    cells.add(text(location.provenance().path()));
    cells.add(String.valueOf(location.line()));
    cells.add(String.valueOf(location.column()));
    cells.add(location.provenance().kind().label());
    cells.add(commit == null ? "" : commit.id());
    cells.add(commit == null ? "" : commit.author());
    cells.add(commit == null ? "" : commit.email());
    cells.add(commit == null ? "" : DateTimeFormatter.ISO_INSTANT.format(commit.date()));
    cells.add(finding.fingerprint());
    cells.add(finding.secret().redacted());
    cells.add(finding.rule().description());
    cells.add(text(finding.rule().rotationUrl()));
    cells.add(location.exposure().label());
    cells.add(text(location.provenance().container()));
    if (options.showSecrets()) {
      cells.add(finding.secret().reveal());
    }
    return cells;
  }

  private static String text(@Nullable String value) {
    return Objects.requireNonNullElse(value, "");
  }

  private static void row(List<String> cells, Writer out) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(cell(cells.get(i)));
    }
    out.write("\r\n");
  }

  static String cell(String value) {
    // Line breaks stay (a quoted cell holds them); every other control character, tab and
    // carriage return included, is escaped, so only these four can start a formula.
    String safe = InertText.lines(value);
    if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0) {
      safe = "'" + safe;
    }
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n")) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }
}

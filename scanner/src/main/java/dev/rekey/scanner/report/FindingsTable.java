package dev.rekey.scanner.report;

import dev.rekey.detectors.Severity;
import dev.rekey.scanner.model.Exposure;
import dev.rekey.scanner.model.Verified;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The prioritised table: one row per finding with its rule, provider, exposure, verified status,
 * first commit, number of places and the command that rotates it. Static HTML (complete without
 * script); the filters above it are shown and wired by the page's script, which reads the rows'
 * {@code data-*} attributes.
 */
final class FindingsTable {
  private final Markup page;
  private final Instant asOf;
  private final @Nullable RotationRun rotation;

  private FindingsTable(Markup page, Instant asOf, @Nullable RotationRun rotation) {
    this.page = page;
    this.asOf = asOf;
    this.rotation = rotation;
  }

  static void write(
      Markup page, AuditReport report, List<AuditReport.Entry> prioritised, Instant asOf) {
    page.open("section", "id", "findings", "aria-labelledby", "findings-title");
    page.leaf("h2", "Findings by priority", "id", "findings-title");
    page.leaf(
        "p",
        "Most urgent first: keys their provider confirmed live, then by severity and exposure,"
            + " oldest first; revoked keys last. Run a command in the scanned repository: rekey"
            + " finds the key again, shows its rotation plan and changes nothing until you confirm.",
        "class",
        "lead");
    filters(page, prioritised);
    FindingsTable table = new FindingsTable(page, asOf, report.rotation());
    table.table(prioritised);
    page.close("section");
  }

  private static void filters(Markup page, List<AuditReport.Entry> findings) {
    page.open("form", "id", "filters", "class", "filters", "hidden", "");
    Map<String, Long> severities = new LinkedHashMap<>();
    for (Severity severity : Severity.values()) {
      severities.put(
          severity.label(), findings.stream().filter(f -> f.severity() == severity).count());
    }
    checkboxes(page, "severity", "Severity", severities);
    Map<String, Long> exposures = new LinkedHashMap<>();
    for (Exposure exposure : Exposure.values()) {
      exposures.put(
          exposure.label(), findings.stream().filter(f -> f.exposure() == exposure).count());
    }
    checkboxes(page, "exposure", "Exposure", exposures);
    Map<String, Integer> providers = new TreeMap<>();
    findings.forEach(f -> providers.merge(f.provider(), 1, Integer::sum));
    page.open("label").text("Provider ").open("select", "name", "provider");
    page.leaf("option", "All providers", "value", "");
    providers.forEach((name, n) -> page.leaf("option", name + " (" + n + ")", "value", name));
    page.close("select").close("label");
    page.leaf("button", "Show all", "type", "reset");
    page.leaf("p", "", "id", "filter-status", "class", "status", "role", "status");
    page.close("form");
  }

  private static void checkboxes(
      Markup page, String name, String legend, Map<String, Long> counts) {
    page.open("fieldset").leaf("legend", legend);
    counts.forEach((value, count) -> checkbox(page, name, value, count));
    page.close("fieldset");
  }

  private static void checkbox(Markup page, String name, String value, long count) {
    page.open("label");
    page.open("input", "type", "checkbox", "name", name, "value", value, "checked", "");
    page.text(" " + value + " ").leaf("span", count, "class", "n");
    page.close("label");
  }

  private void table(List<AuditReport.Entry> findings) {
    page.open("div", "class", "table-wrap");
    page.open("table", "id", "findings-table");
    page.leaf(
        "caption",
        "Findings, most urgent first; each links to its places below.",
        "class",
        "sr-only");
    page.open("thead").open("tr");
    header("#", "num", "ascending", "num");
    header("Severity", "num", null, null);
    header("Rule", "text", null, null);
    header("Provider", "text", null, null);
    header("Exposure", "num", null, null);
    header("Verified", "num", null, null);
    header("First commit", "num", null, null);
    header("Places", "num", null, "num");
    if (rotation != null) {
      header("Rotation run", "text", null, null);
    }
    header("Rotate", null, null, null);
    page.close("tr").close("thead").open("tbody").newline();
    for (int i = 0; i < findings.size(); i++) {
      row(findings.get(i), i + 1);
    }
    page.close("tbody").close("table");
    page.leaf(
        "p", "No finding matches these filters.", "id", "no-match", "class", "empty", "hidden", "");
    page.close("div");
  }

  private void header(
      String title, @Nullable String sort, @Nullable String ariaSort, @Nullable String cls) {
    page.leaf("th", title, "scope", "col", "data-sort", sort, "aria-sort", ariaSort, "class", cls);
  }

  private void row(AuditReport.Entry finding, int rank) {
    openRow(finding, rank);
    page.leaf("td", rank, "data-key", String.valueOf(rank), "class", "num");
    cell(finding.severity().ordinal());
    String label = finding.severity().label();
    page.leaf("span", label, "class", "pill sev-" + label).close("td");
    page.open("td").leaf("a", finding.rule(), "href", "#f-" + finding.shortId(), "class", "rule");
    page.leaf("span", finding.description(), "class", "desc");
    page.leaf("code", finding.redacted(), "class", "secret").close("td");
    page.leaf("td", finding.provider());
    exposure(finding);
    verified(finding.verified());
    firstCommit(finding);
    String places = String.valueOf(finding.locationCount());
    page.leaf("td", places, "data-key", places, "class", "num");
    if (rotation != null) {
      outcome(rotation.of(finding.fingerprint()));
    }
    rotate(finding);
    page.close("tr");
  }

  /** The row, with the keys the filters read. */
  private void openRow(AuditReport.Entry finding, int rank) {
    String id = "row-" + finding.shortId();
    String severity = finding.severity().label();
    String exposure = finding.exposure().label();
    page.start("tr")
        .attribute("id", id)
        .attribute("data-rank", String.valueOf(rank))
        .attribute("data-severity", severity)
        .attribute("data-exposure", exposure)
        .attribute("data-provider", finding.provider())
        .end();
  }

  private void rotate(AuditReport.Entry finding) {
    page.open("td", "class", "rotate").leaf("code", finding.rotateCommand(), "class", "cmd");
    String label = "Copy the command for " + finding.rule();
    page.leaf(
        "button", "Copy", "type", "button", "class", "copy", "hidden", "", "aria-label", label);
    page.close("td");
  }

  private void cell(long key) {
    page.open("td", "data-key", String.valueOf(key));
  }

  private void exposure(AuditReport.Entry finding) {
    cell(finding.exposure().ordinal());
    page.leaf("span", finding.exposure().label(), "class", "exp exp-" + finding.exposure().label());
    AuditReport.Spread spread = finding.spread();
    String branch = spread == null ? null : spread.defaultBranch();
    if (spread != null && branch != null) {
      AuditReport.Removal left = spread.leftTip();
      String tip =
          spread.atTip()
              ? "at the tip of " + branch
              : left == null
                  ? "not at the tip of " + branch
                  : "removed from " + branch + " " + ReportDates.day(left.date());
      page.leaf("span", tip, "class", "sub");
    }
    page.close("td");
  }

  private void verified(@Nullable Verified verified) {
    cell(
        verified == null
            ? 2
            : switch (verified.status()) {
              case LIVE -> 0;
              case UNKNOWN, ERROR -> 1;
              case REVOKED -> 3;
            });
    if (verified == null) {
      page.leaf("span", "not checked", "class", "pill ver-none");
    } else {
      String label = verified.status().label();
      page.leaf("span", label, "class", "pill ver-" + label, "title", verified.reason());
      page.leaf("span", verified.reason(), "class", "sub");
    }
    page.close("td");
  }

  private void firstCommit(AuditReport.Entry finding) {
    AuditReport.Place place = finding.introduced();
    if (place == null || place.date() == null) {
      page.open("td", "data-key", String.valueOf(Long.MAX_VALUE)).text("–");
      page.leaf("span", "not in git history", "class", "sub").close("td");
      return;
    }
    Instant date = place.date();
    cell(date.getEpochSecond());
    page.leaf("time", ReportDates.day(date), "datetime", date.toString());
    String author = place.author() == null ? "" : place.author() + " · ";
    page.leaf("span", author + ReportDates.span(date, asOf) + " ago", "class", "sub");
    page.close("td");
  }

  private void outcome(RotationRun.@Nullable Outcome outcome) {
    page.open("td", "data-key", outcome == null ? "~" : outcome.state().label());
    if (outcome == null) {
      page.leaf("span", "not in the run", "class", "sub");
    } else {
      page.leaf("span", outcome.state().label(), "class", "pill run-" + outcome.state().label());
      page.leaf("span", outcome.detail(), "class", "sub");
    }
    page.close("td");
  }
}

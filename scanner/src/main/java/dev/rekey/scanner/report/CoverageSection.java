package dev.rekey.scanner.report;

import dev.rekey.scanner.model.Problem;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What was scanned: blobs, bytes, duration, skipped files and errors with why; and, when a rotation
 * run is shown, how its credentials fared.
 */
final class CoverageSection {
  /** Problems listed; the JSON report lists them all. */
  static final int SHOWN_PROBLEMS = 200;

  private CoverageSection() {}

  static void write(Markup page, AuditReport report) {
    page.open("section", "id", "scanned", "aria-labelledby", "scanned-title");
    page.leaf("h2", "What was scanned", "id", "scanned-title");
    AuditReport.Coverage coverage = report.coverage();
    if (coverage == null) {
      page.leaf(
          "p",
          "This page was made from a JSON Lines report, which holds findings only: render the"
              + " --format json report to see what was scanned.",
          "class",
          "lead");
    } else {
      coverage(page, coverage);
    }
    problems(page, report.problems());
    page.close("section");
    RotationRun run = report.rotation();
    if (run != null) {
      rotation(page, run);
    }
  }

  private static void coverage(Markup page, AuditReport.Coverage coverage) {
    page.open("dl", "class", "coverage");
    if (coverage.commits() > 0) {
      page.leaf("dt", "Git history");
      String refs = ReportDates.plural(coverage.refs(), "ref");
      page.leaf("dd", ReportDates.plural(coverage.commits(), "commit") + " reached from " + refs);
    }
    page.leaf("dt", "Unique blobs");
    page.leaf("dd", coverage.blobs() + " (" + TextReporter.humanBytes(coverage.bytes()) + ")");
    if (coverage.elapsed() != null) {
      page.leaf("dt", "Duration").leaf("dd", ReportDates.duration(coverage.elapsed()));
    }
    page.leaf("dt", "Skipped")
        .leaf("dd", coverage.skipped() + " (binary, too large, or not scannable)");
    page.leaf("dt", "Errors");
    page.leaf(
        "dd",
        coverage.complete()
            ? coverage.errors() + ": the scan is complete"
            : coverage.errors() + ": the scan is incomplete, the places below were not scanned");
    page.close("dl");
  }

  private static void problems(Markup page, List<Problem> problems) {
    if (problems.isEmpty()) {
      return;
    }
    page.open("div", "class", "table-wrap").open("table", "id", "problems");
    page.leaf("caption", "Skipped or unreadable inputs and why", "class", "sr-only");
    page.open("thead").open("tr");
    page.leaf("th", "Kind", "scope", "col").leaf("th", "Where", "scope", "col");
    page.leaf("th", "Why", "scope", "col").close("tr").close("thead").open("tbody");
    for (Problem problem : problems.stream().limit(SHOWN_PROBLEMS).toList()) {
      String kind = problem.isError() ? "error" : "skipped";
      page.open("tr").open("td");
      page.leaf("span", kind, "class", problem.isError() ? "pill sev-critical" : "pill sev-info");
      page.close("td").open("td").leaf("code", problem.where()).close("td");
      page.leaf("td", problem.message()).close("tr");
    }
    page.close("tbody").close("table").close("div");
    if (problems.size() > SHOWN_PROBLEMS) {
      page.leaf(
          "p",
          "and " + (problems.size() - SHOWN_PROBLEMS) + " more: the JSON report lists them all.",
          "class",
          "more");
    }
  }

  private static void rotation(Markup page, RotationRun run) {
    page.open("section", "id", "rotation", "aria-labelledby", "rotation-title");
    page.leaf("h2", "Rotation run " + run.id(), "id", "rotation-title");
    Map<RotationRun.State, Integer> counts = new EnumMap<>(RotationRun.State.class);
    run.outcomes().values().forEach(o -> counts.merge(o.state(), 1, Integer::sum));
    page.open("dl", "class", "coverage");
    page.leaf("dt", "Credentials in the run").leaf("dd", run.outcomes().size());
    counts.forEach((state, n) -> page.leaf("dt", state.label()).leaf("dd", n));
    page.close("dl");
    page.leaf(
        "p",
        "The table's Rotation run column shows each finding's outcome, as the run's journal"
            + " records it.",
        "class",
        "lead");
    page.close("section");
  }
}

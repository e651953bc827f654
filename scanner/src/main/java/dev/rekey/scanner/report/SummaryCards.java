package dev.rekey.scanner.report;

import dev.rekey.detectors.Severity;
import dev.rekey.scanner.model.Exposure;
import dev.rekey.scanner.model.Verified;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The summary strip: findings by severity and by exposure, how many the providers confirmed live,
 * how many the default branch still holds, and the longest exposure.
 */
final class SummaryCards {
  private SummaryCards() {}

  static void write(Markup page, List<AuditReport.Entry> findings, Instant asOf) {
    page.open("section", "id", "summary", "aria-labelledby", "summary-title");
    page.leaf("h2", "Summary", "id", "summary-title");
    page.open("div", "class", "cards");
    bySeverity(page, findings);
    byExposure(page, findings);
    live(page, findings);
    atTip(page, findings);
    oldest(page, findings, asOf);
    page.close("div").close("section");
  }

  private static void bySeverity(Markup page, List<AuditReport.Entry> findings) {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Severity severity : Severity.values()) {
      counts.put(severity, 0);
    }
    findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
    card(page, "Findings", String.valueOf(findings.size()), "card-findings");
    page.open("ul", "class", "counts", "aria-label", "Findings by severity");
    counts.forEach(
        (severity, count) ->
            countRow(
                page, "pill sev-" + severity.label(), severity.label(), count, findings.size()));
    page.close("ul").close("div");
  }

  private static void byExposure(Markup page, List<AuditReport.Entry> findings) {
    Map<Exposure, Integer> counts = new EnumMap<>(Exposure.class);
    for (Exposure exposure : Exposure.values()) {
      counts.put(exposure, 0);
    }
    findings.forEach(f -> counts.merge(f.exposure(), 1, Integer::sum));
    card(page, "Exposure", String.valueOf(counts.get(Exposure.PUBLIC)), "card-exposure");
    page.leaf("p", "shipped to every browser (public)", "class", "hint");
    page.open("ul", "class", "counts", "aria-label", "Findings by exposure");
    counts.forEach(
        (exposure, count) ->
            countRow(
                page, "exp exp-" + exposure.label(), exposure.label(), count, findings.size()));
    page.close("ul").close("div");
  }

  private static void live(Markup page, List<AuditReport.Entry> findings) {
    long asked = findings.stream().filter(f -> f.verified() != null).count();
    long live =
        findings.stream()
            .filter(f -> f.verified() != null && f.verified().status() == Verified.Status.LIVE)
            .count();
    card(page, "Verified live", asked == 0 ? "–" : String.valueOf(live), "card-live");
    if (asked == 0) {
      page.open("p", "class", "hint").text("Not checked: ");
      page.leaf("code", "rekey scan --verify", "class", "cmd");
      page.text(" asks each provider whether a key still works.").close("p");
    } else {
      page.leaf(
          "p", "of " + asked + " checked with their provider: still accepted", "class", "hint");
    }
    page.close("div");
  }

  private static void atTip(Markup page, List<AuditReport.Entry> findings) {
    List<AuditReport.Spread> spreads =
        findings.stream()
            .map(AuditReport.Entry::spread)
            .filter(s -> s != null && s.defaultBranch() != null)
            .toList();
    long atTip = spreads.stream().filter(AuditReport.Spread::atTip).count();
    String branch = spreads.isEmpty() ? "the default branch" : spreads.getFirst().defaultBranch();
    card(page, "Still at the tip", spreads.isEmpty() ? "–" : String.valueOf(atTip), "card-tip");
    page.leaf(
        "p",
        spreads.isEmpty()
            ? "No finding in the history of a default branch."
            : "of " + spreads.size() + " in history are still in the latest commit of " + branch,
        "class",
        "hint");
    page.close("div");
  }

  private static void oldest(Markup page, List<AuditReport.Entry> findings, Instant asOf) {
    Optional<AuditReport.Entry> oldest =
        findings.stream()
            .filter(f -> f.introduced() != null)
            .min(Comparator.comparing(TimelineChart::introducedAt));
    if (oldest.isEmpty()) {
      card(page, "Longest exposure", "–", "card-age");
      page.leaf("p", "No commit dates: nothing found in git history.", "class", "hint");
    } else {
      Instant since = TimelineChart.introducedAt(oldest.get());
      card(page, "Longest exposure", ReportDates.span(since, asOf), "card-age");
      page.leaf(
          "p",
          oldest.get().rule() + ", " + TimelineChart.exposedFor(oldest.get(), since, asOf),
          "class",
          "hint");
    }
    page.close("div");
  }

  /** Opens a card with its title and big number; the caller closes the div. */
  private static void card(Markup page, String title, String figure, String id) {
    page.open("div", "class", "card", "id", id);
    page.leaf("h3", title);
    page.leaf("p", figure, "class", "big");
  }

  private static void countRow(Markup page, String labelClass, String label, int count, int total) {
    page.open("li");
    page.leaf("span", label, "class", labelClass);
    page.open(
        "svg",
        "class",
        "bar",
        "viewBox",
        "0 0 100 8",
        "preserveAspectRatio",
        "none",
        "aria-hidden",
        "true");
    page.open("rect", "class", "track", "width", "100", "height", "8", "rx", "4").close("rect");
    int width = total == 0 ? 0 : Math.max(count == 0 ? 0 : 2, count * 100 / total);
    String fill = labelClass.startsWith("exp") ? labelClass.substring(4) : "bar-" + label;
    page.open("rect", "class", fill, "width", String.valueOf(width), "height", "8", "rx", "4")
        .close("rect");
    page.close("svg");
    page.leaf("span", count, "class", "n");
    page.close("li");
  }
}

package dev.rekey.scanner.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The timeline section: one row per secret found in git history, from the commit that introduced it
 * to the scan, drawn as inline SVG on the server so that it shows without script and in print. A
 * solid line while the default branch's tip holds the secret, a bar where a commit removed it from
 * the tip, dashed while it is only in history; the colour is the exposure. Each row links to the
 * finding's details.
 */
final class TimelineChart {
  private static final int WIDTH = 1000;
  private static final int LABELS = 240;
  private static final int RIGHT = 24;
  private static final int TOP = 30;
  private static final int ROW = 22;
  private static final int MAX_ROWS = 60;
  private static final int[] STEPS = {1, 3, 6, 12, 24, 60, 120};

  private final Instant start;
  private final Instant end;

  private TimelineChart(Instant start, Instant end) {
    this.start = start;
    this.end = end;
  }

  static void write(Markup page, List<AuditReport.Entry> findings, Instant asOf) {
    List<AuditReport.Entry> dated =
        findings.stream()
            .filter(f -> f.introduced() != null)
            .sorted(Comparator.comparing((AuditReport.Entry f) -> introducedAt(f)))
            .toList();
    page.open("section", "id", "timeline", "aria-labelledby", "timeline-title");
    page.leaf("h2", "Timeline", "id", "timeline-title");
    if (dated.isEmpty()) {
      page.leaf(
          "p",
          "No finding comes from git history: there is no commit date to draw.",
          "class",
          "lead");
      page.close("section");
      return;
    }
    Instant first = introducedAt(dated.getFirst());
    LocalDate month = LocalDate.ofInstant(first, ZoneOffset.UTC).withDayOfMonth(1);
    Instant last = introducedAt(dated.getLast());
    Instant end = asOf.isAfter(last) ? asOf : last;
    new TimelineChart(month.atStartOfDay(ZoneOffset.UTC).toInstant(), end).figure(page, dated);
    page.close("section");
  }

  private void figure(Markup page, List<AuditReport.Entry> dated) {
    List<AuditReport.Entry> rows = dated.subList(0, Math.min(MAX_ROWS, dated.size()));
    int height = TOP + rows.size() * ROW + 8;
    page.open("figure")
        .open(
            "svg",
            "class",
            "timeline",
            "viewBox",
            "0 0 " + WIDTH + " " + height,
            "role",
            "img",
            "aria-labelledby",
            "timeline-caption");
    axis(page, height);
    for (int i = 0; i < rows.size(); i++) {
      row(page, rows.get(i), TOP + i * ROW + ROW / 2);
    }
    page.close("svg");
    page.open("figcaption", "id", "timeline-caption").text(caption(dated)).newline();
    page.open("ul", "class", "legend");
    page.leaf("li", "Solid: at the tip of the default branch");
    page.leaf("li", "Bar: removed from the tip");
    page.leaf("li", "Dashed: only in history (since it was removed, or never on the tip)");
    page.leaf("li", "Colour: exposure (public, server, history, local)");
    page.close("ul").close("figcaption").close("figure");
  }

  private static String caption(List<AuditReport.Entry> dated) {
    String text =
        "When each secret found in git history was committed, up to the scan ("
            + dated.size()
            + (dated.size() == 1 ? " secret)." : " secrets).");
    return dated.size() > MAX_ROWS
        ? text + " The oldest " + MAX_ROWS + " are drawn; the table lists all."
        : text;
  }

  private void axis(Markup page, int height) {
    page.open("g", "class", "axis");
    LocalDate from = LocalDate.ofInstant(start, ZoneOffset.UTC);
    int step = step(from);
    for (LocalDate tick = from; !instant(tick).isAfter(end); tick = tick.plusMonths(step)) {
      String x = fmt(x(instant(tick)));
      vertical(page, "grid", x, height);
      String label = step >= 12 ? String.valueOf(tick.getYear()) : tick.toString().substring(0, 7);
      page.leaf("text", label, "x", x, "y", "12", "text-anchor", "middle");
    }
    String today = fmt(x(end));
    vertical(page, "today", today, height);
    page.leaf("text", "scan " + ReportDates.day(end), "x", today, "y", "26", "text-anchor", "end");
    page.close("g");
  }

  /** Months between ticks: at most eight ticks. */
  private int step(LocalDate from) {
    long months = Math.max(1, from.until(LocalDate.ofInstant(end, ZoneOffset.UTC)).toTotalMonths());
    for (int candidate : STEPS) {
      if (months / candidate <= 7) {
        return candidate;
      }
    }
    return STEPS[STEPS.length - 1];
  }

  private static void vertical(Markup page, String cls, String x, int height) {
    page.start("line").attribute("class", cls).attribute("x1", x).attribute("x2", x);
    page.attribute("y1", "18").attribute("y2", String.valueOf(height)).end().close("line");
  }

  private static Instant instant(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private void row(Markup page, AuditReport.Entry finding, int y) {
    AuditReport.Place introduced = introducedPlace(finding);
    Instant since = introducedAt(finding);
    String exposure = "exp-" + finding.exposure().label();
    page.open("a", "href", "#f-" + finding.shortId());
    page.leaf("title", tooltip(finding, introduced, since));
    String label =
        finding.rule().length() > 32 ? finding.rule().substring(0, 31) + "…" : finding.rule();
    page.leaf("text", label, "x", "0", "y", String.valueOf(y + 4));
    String x0 = fmt(x(since));
    String cy = String.valueOf(y);
    AuditReport.Spread spread = finding.spread();
    AuditReport.Removal left = spread == null ? null : spread.leftTip();
    boolean held = spread != null && spread.atTip();
    String x1 = fmt(x(left != null ? left.date() : end));
    segment(page, (held || left != null ? "held " : "trail ") + exposure, x0, x1, cy);
    if (left != null) {
      segment(page, "trail " + exposure, x1, fmt(x(end)), cy);
      String top = String.valueOf(y - 6);
      String bottom = String.valueOf(y + 6);
      page.open("line", "class", "left " + exposure, "x1", x1, "x2", x1, "y1", top, "y2", bottom);
      page.close("line");
    }
    page.open("circle", "class", exposure, "cx", x0, "cy", cy, "r", "5").close("circle");
    page.close("a");
  }

  private static void segment(Markup page, String cls, String from, String to, String y) {
    page.open("line", "class", cls, "x1", from, "x2", to, "y1", y, "y2", y).close("line");
  }

  private String tooltip(AuditReport.Entry finding, AuditReport.Place introduced, Instant since) {
    StringBuilder text = new StringBuilder(finding.rule());
    text.append(": committed ").append(ReportDates.day(since));
    if (introduced.author() != null) {
      text.append(" by ").append(introduced.author());
    }
    AuditReport.Spread spread = finding.spread();
    if (spread != null) {
      text.append(FindingDetails.tip(spread));
    }
    text.append("; ").append(exposedFor(finding, since, end));
    return text.toString();
  }

  private double x(Instant instant) {
    double span = Math.max(1, end.getEpochSecond() - start.getEpochSecond());
    double at = (instant.getEpochSecond() - start.getEpochSecond()) / span;
    return LABELS + Math.max(0, Math.min(1, at)) * (WIDTH - LABELS - RIGHT);
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static AuditReport.Place introducedPlace(AuditReport.Entry finding) {
    AuditReport.Place place = finding.introduced();
    if (place == null) {
      throw new IllegalStateException("only findings with a commit date are drawn");
    }
    return place;
  }

  static Instant introducedAt(AuditReport.Entry finding) {
    Instant date = introducedPlace(finding).date();
    return date == null ? Instant.EPOCH : date;
  }

  /** E.g. {@code public for 14 months}: how long the secret has been readable by whom. */
  static String exposedFor(AuditReport.Entry finding, Instant since, Instant asOf) {
    String where =
        switch (finding.exposure()) {
          case PUBLIC -> "public";
          case SERVER -> "in the code";
          case HISTORY -> "in history";
          case LOCAL -> "on disk";
        };
    return where + " for " + ReportDates.span(since, asOf);
  }
}

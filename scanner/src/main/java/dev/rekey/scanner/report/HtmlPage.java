package dev.rekey.scanner.report;

import dev.rekey.detectors.Severity;
import java.time.Instant;
import java.util.List;

/**
 * The HTML report's page: a strict Content-Security-Policy first, the inlined stylesheet, then the
 * five sections (summary, timeline, prioritised table, places, what was scanned) and the inlined
 * script last. Nothing is loaded from anywhere: the page works from an email attachment.
 */
final class HtmlPage {
  private HtmlPage() {}

  /**
   * The page for {@code report}.
   *
   * @param asOf when the scan ran: the end of the timeline and the reference for ages
   * @param options the tool's version; whether secrets in clear were asked for (they are not shown)
   */
  static String render(AuditReport report, Instant asOf, ReportOptions options) {
    List<AuditReport.Entry> prioritised = report.prioritised();
    Markup page = new Markup();
    page.raw("<!DOCTYPE html>\n").open("html", "lang", "en").newline();
    head(page, report, options);
    page.open("body").newline();
    page.leaf("a", "Skip to the findings", "class", "skip", "href", "#findings").newline();
    header(page, report, asOf, options);
    page.open("main", "class", "wrap").newline();
    SummaryCards.write(page, report.findings(), asOf);
    TimelineChart.write(page, prioritised, asOf);
    FindingsTable.write(page, report, prioritised, asOf);
    FindingDetails.write(page, prioritised);
    CoverageSection.write(page, report);
    page.close("main");
    footer(page, options);
    page.open("script").raw(PageAssets.BUILT_IN.js()).close("script").newline();
    page.close("body").newline().close("html").newline();
    return page.toString();
  }

  /** The policy first, before anything it governs; then the inlined stylesheet. */
  private static void head(Markup page, AuditReport report, ReportOptions options) {
    PageAssets assets = PageAssets.BUILT_IN;
    page.open("head").newline().open("meta", "charset", "utf-8").newline();
    page.open("meta", "http-equiv", "Content-Security-Policy", "content", assets.policy());
    page.newline().open("meta", "name", "referrer", "content", "no-referrer").newline();
    String viewport = "width=device-width, initial-scale=1";
    page.open("meta", "name", "viewport", "content", viewport).newline();
    page.open("meta", "name", "color-scheme", "content", "light dark").newline();
    page.open("meta", "name", "generator", "content", "rekey " + options.toolVersion()).newline();
    page.leaf("title", title(report)).newline();
    page.open("link", "rel", "icon", "href", "data:,").newline();
    page.open("style").raw(assets.css()).close("style").newline();
    page.close("head").newline();
  }

  private static String title(AuditReport report) {
    int n = report.findings().size();
    long critical =
        report.findings().stream().filter(f -> f.severity() == Severity.CRITICAL).count();
    String count = n == 0 ? "no secrets found" : ReportDates.plural(n, "secret");
    return "rekey report: " + count + (critical > 0 ? " (" + critical + " critical)" : "");
  }

  private static void header(Markup page, AuditReport report, Instant asOf, ReportOptions options) {
    page.open("header", "class", "top").open("div", "class", "wrap");
    page.leaf("p", "rekey", "class", "brand");
    page.leaf("h1", "Leaked credentials audit");
    page.open("p", "class", "meta").text("Scan of ");
    page.leaf("time", ReportDates.minute(asOf), "datetime", asOf.toString());
    page.text(" · " + summaryLine(report)).close("p");
    boolean asked = options.showSecrets() || report.secretsDropped();
    page.leaf(
        "p",
        asked
            ? "Secrets in clear were asked for (--show-secrets), but this page never holds one:"
                + " each secret is shown redacted, by its first and last characters."
            : "This page never holds a secret, even when written with --show-secrets: each is"
                + " shown redacted, by its first and last characters.",
        "class",
        asked ? "notice warn" : "notice",
        "id",
        "secrets-notice");
    page.close("div").close("header");
  }

  private static String summaryLine(AuditReport report) {
    int n = report.findings().size();
    String findings = n == 0 ? "no secrets found" : ReportDates.plural(n, "secret") + " found";
    AuditReport.Coverage coverage = report.coverage();
    if (coverage == null) {
      return findings;
    }
    return findings
        + " in "
        + ReportDates.plural(coverage.blobs(), "unique blob")
        + (coverage.complete() ? "" : " · incomplete scan");
  }

  private static void footer(Markup page, ReportOptions options) {
    page.open("footer", "class", "wrap");
    page.leaf(
        "p",
        "Written by rekey "
            + options.toolVersion()
            + ". One self-contained file: its Content-Security-Policy lets it load nothing, so it"
            + " makes no network request and works offline. Keyboard: j and k move between"
            + " findings, / goes to the filters.");
    page.close("footer");
  }
}

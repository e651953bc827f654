package dev.rekey.scanner.report;

import dev.rekey.scanner.model.OriginalPosition;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Per finding, in the table's order: its places (path, line, commit, original source position for
 * bundles) with the redacted snippet, how far it spread through history, the provider's answer, the
 * rotation command and the provider's rotation page.
 */
final class FindingDetails {
  /** Places listed per finding; the JSON report lists them all. */
  static final int SHOWN_PLACES = 50;

  private final Markup page;

  private FindingDetails(Markup page) {
    this.page = page;
  }

  static void write(Markup page, List<AuditReport.Entry> prioritised) {
    page.open("section", "id", "details", "aria-labelledby", "details-title");
    page.leaf("h2", "Places and rotation", "id", "details-title");
    FindingDetails details = new FindingDetails(page);
    prioritised.forEach(details::article);
    page.close("section");
  }

  private void article(AuditReport.Entry finding) {
    String id = "f-" + finding.shortId();
    page.open("article", "class", "finding", "id", id).open("h3");
    page.leaf(
        "span", finding.severity().label(), "class", "pill sev-" + finding.severity().label());
    page.leaf("span", finding.rule()).leaf("code", finding.redacted(), "class", "secret");
    page.close("h3");
    page.leaf("p", finding.description() + " · " + finding.provider(), "class", "desc");
    facts(finding);
    places(finding);
    page.open("p", "class", "back")
        .leaf("a", "Back to the table", "href", "#row-" + finding.shortId());
    page.close("p").close("article");
  }

  private void facts(AuditReport.Entry finding) {
    page.open("dl", "class", "facts");
    term("Exposure")
        .leaf("span", finding.exposure().label(), "class", "exp exp-" + finding.exposure().label());
    page.close("dd");
    AuditReport.Spread spread = finding.spread();
    if (spread != null) {
      term("History").text(history(spread)).close("dd");
    }
    if (finding.verified() != null) {
      term("Verified")
          .text(finding.verified().status().label() + ": " + finding.verified().reason());
      page.close("dd");
    }
    for (Map.Entry<String, String> fact : finding.facts().entrySet()) {
      term(fact.getKey()).text(fact.getValue()).close("dd");
    }
    term("Fingerprint").leaf("code", finding.fingerprint()).close("dd");
    term("Rotate").leaf("code", finding.rotateCommand(), "class", "cmd");
    String url = finding.rotationUrl();
    if (url != null) {
      page.text(" then check on ");
      page.leaf("a", "the provider's rotation page", "href", url, "rel", "noopener noreferrer");
    }
    page.close("dd").close("dl");
  }

  private Markup term(String name) {
    return page.leaf("dt", name).open("dd");
  }

  /** E.g. {@code in 5 commits on 4 refs (main, v1.0, …); still at the tip of main}. */
  static String history(AuditReport.Spread spread) {
    StringBuilder text = new StringBuilder("in ");
    text.append(ReportDates.plural(spread.commitCount(), "commit"))
        .append(" on ")
        .append(ReportDates.plural(spread.refCount(), "ref"));
    if (!spread.refs().isEmpty()) {
      List<String> shown = spread.refs().subList(0, Math.min(8, spread.refs().size()));
      text.append(" (").append(String.join(", ", shown));
      text.append(spread.refCount() > shown.size() ? ", …)" : ")");
    }
    return text.append(tip(spread)).toString();
  }

  /**
   * E.g. {@code ; removed from the tip of main on 2024-03-01 by 1f3c5a7e9b2d}; empty without one.
   */
  static String tip(AuditReport.Spread spread) {
    String branch = spread.defaultBranch();
    AuditReport.Removal left = spread.leftTip();
    if (branch == null) {
      return "";
    } else if (spread.atTip()) {
      return "; still at the tip of " + branch;
    } else if (left == null) {
      return "; not at the tip of " + branch;
    }
    String commit = left.commit().substring(0, Math.min(12, left.commit().length()));
    return "; removed from the tip of %s on %s by %s"
        .formatted(branch, ReportDates.day(left.date()), commit);
  }

  private void places(AuditReport.Entry finding) {
    List<AuditReport.Place> places = finding.places();
    page.open("table", "class", "places");
    page.leaf(
        "caption", "Places of " + finding.rule() + " " + finding.redacted(), "class", "sr-only");
    page.open("thead").open("tr");
    for (String title : List.of("Where", "Commit", "Source", "Exposure", "Line")) {
      page.leaf("th", title, "scope", "col");
    }
    page.close("tr").close("thead").open("tbody");
    places.stream().limit(SHOWN_PLACES).forEach(this::place);
    page.close("tbody").close("table");
    int more = finding.locationCount() - Math.min(SHOWN_PLACES, places.size());
    if (more > 0) {
      page.leaf(
          "p",
          "and " + ReportDates.plural(more, "more place") + ": the JSON report lists them all.",
          "class",
          "more");
    }
  }

  private void place(AuditReport.Place place) {
    page.open("tr").open("td");
    String where = place.path() == null ? "commit message" : place.path();
    page.leaf("code", where + ":" + place.line() + ":" + place.column());
    OriginalPosition original = place.original();
    if (original != null) {
      page.open("span", "class", "sub").text("from ");
      page.leaf("code", original.path() + ":" + original.line() + ":" + original.column());
      page.close("span");
    }
    page.close("td").open("td");
    commit(place);
    page.close("td");
    page.leaf("td", place.source());
    page.open("td")
        .leaf("span", place.exposure().label(), "class", "exp exp-" + place.exposure().label());
    page.close("td").open("td");
    if (place.snippet() != null) {
      page.leaf("code", place.snippet(), "class", "snippet");
    }
    page.close("td").close("tr");
  }

  private void commit(AuditReport.Place place) {
    String commit = place.commit();
    if (commit == null) {
      page.text("–");
      return;
    }
    page.leaf("code", commit.substring(0, Math.min(12, commit.length())), "title", commit);
    @Nullable String author = place.author();
    String by = author == null ? "" : author;
    String on = place.date() == null ? "" : ReportDates.day(place.date());
    page.leaf("span", by.isEmpty() || on.isEmpty() ? by + on : by + ", " + on, "class", "sub");
  }
}

package dev.rekey.scanner.report;

import dev.rekey.detectors.Severity;
import dev.rekey.scanner.model.CommitInfo;
import dev.rekey.scanner.model.Context;
import dev.rekey.scanner.model.Finding;
import dev.rekey.scanner.model.GitSpread;
import dev.rekey.scanner.model.Location;
import dev.rekey.scanner.model.OriginalPosition;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.model.Provenance;
import dev.rekey.scanner.model.ScanResult;
import dev.rekey.scanner.model.Verified;
import java.io.IOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** The human report: one block per secret, most severe first, and a summary line. */
public final class TextReporter implements Reporter {
  /** Locations listed per finding before the rest are counted. */
  private static final int SHOWN_LOCATIONS = 5;

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final ReportOptions options;

  public TextReporter(ReportOptions options) {
    this.options = options;
  }

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    for (Finding finding : result.findings()) {
      writeFinding(finding, out);
    }
    writeSummary(result, out);
    out.flush();
  }

  private void writeFinding(Finding finding, Writer out) throws IOException {
    out.write(paint(finding.severity(), finding.severity().label().toUpperCase(Locale.ROOT)));
    out.write(
        "  "
            + bold(InertText.of(finding.rule().id()))
            + "  "
            + InertText.of(finding.rule().description())
            + "\n");
    String secret = options.shown(finding.secret());
    out.write("  secret       " + bold(InertText.of(secret)) + "\n");
    out.write("  exposure     " + finding.exposure().label() + "\n");
    if (finding.context() != Context.CODE) {
      out.write(
          "  context      "
              + finding.context().label()
              + " (found only in "
              + (finding.context() == Context.TEST ? "tests" : "documentation")
              + ": one severity lower)\n");
    }
    List<Location> locations = finding.locations();
    for (int i = 0; i < Math.min(SHOWN_LOCATIONS, locations.size()); i++) {
      out.write((i == 0 ? "  found at     " : "               ") + where(locations.get(i)) + "\n");
    }
    if (locations.size() > SHOWN_LOCATIONS) {
      out.write(
          "               … and "
              + (locations.size() - SHOWN_LOCATIONS)
              + " more places (--format json lists them)\n");
    }
    Location first = finding.firstCommit();
    if (first != null && first != locations.getFirst()) {
      out.write("  first commit " + where(first) + "\n");
    }
    GitSpread spread = finding.spread();
    if (spread != null) {
      out.write("  history      " + history(spread) + "\n");
    }
    out.write("  fingerprint  " + finding.fingerprint().substring(0, 16) + "\n");
    Verified verified = finding.verified();
    if (verified != null) {
      out.write(
          "  verified     "
              + verified.status().label()
              + ": "
              + InertText.of(verified.reason())
              + "\n");
    }
    String rotation = finding.rule().rotationUrl();
    if (rotation != null) {
      out.write("  rotate       " + InertText.of(rotation) + "\n");
    }
    out.write("\n");
  }

  /** E.g. {@code in 12 commits on 2 refs (main, v1.0); still at the tip of main}. */
  static String history(GitSpread spread) {
    int commits = spread.commitCount();
    StringBuilder text = new StringBuilder();
    text.append("in ").append(commits).append(commits == 1 ? " commit" : " commits");
    int refs = spread.refs().size();
    text.append(" on ").append(refs).append(refs == 1 ? " ref" : " refs");
    if (refs > 0) {
      text.append(" (")
          .append(String.join(", ", spread.refs().stream().limit(SHOWN_LOCATIONS).toList()))
          .append(refs > SHOWN_LOCATIONS ? ", …)" : ")");
    }
    String branch = spread.defaultBranch();
    if (branch != null) {
      text.append(spread.atDefaultTip() ? "; still at the tip of " : "; not at the tip of ")
          .append(branch);
    }
    return InertText.of(text.toString());
  }

  /** Where a location is, one line, its untrusted parts (paths, names) made inert. */
  static String where(Location location) {
    Provenance provenance = location.provenance();
    if (provenance instanceof Provenance.Unreachable unreachable) {
      return "unreachable blob " + unreachable.objectId() + " [" + provenance.kind().label() + "]";
    }
    String place = provenance.path() == null ? "commit message" : provenance.path();
    StringBuilder text = new StringBuilder(place);
    if (provenance.path() != null) {
      text.append(':').append(location.line()).append(':').append(location.column());
    }
    String container = provenance.container();
    if (container != null) {
      text.append(" in ").append(container);
    }
    CommitInfo commit = provenance.commit();
    if (commit != null) {
      text.append(" in commit ")
          .append(commit.id(), 0, Math.min(12, commit.id().length()))
          .append(" (")
          .append(commit.author())
          .append(", ")
          .append(DATE.format(commit.date()))
          .append(')');
    } else {
      text.append(" [")
          .append(provenance.kind().label())
          .append(", ")
          .append(location.exposure().label())
          .append(']');
    }
    if (location.companion()) {
      text.append(" (the identifier paired with it)");
    }
    OriginalPosition original = location.original();
    if (original != null && container == null) {
      text.append(" from ")
          .append(original.path())
          .append(':')
          .append(original.line())
          .append(':')
          .append(original.column());
    }
    return InertText.of(text.toString());
  }

  private void writeSummary(ScanResult result, Writer out) throws IOException {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    result.findings().forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
    StringJoiner bySeverity = new StringJoiner(", ", " (", ")").setEmptyValue("");
    counts.forEach((severity, count) -> bySeverity.add(count + " " + severity.label()));
    int n = result.findings().size();
    out.write(
        n == 0
            ? "No secrets found"
            : "Found " + n + (n == 1 ? " secret" : " secrets") + bySeverity);
    out.write(
        " in "
            + result.stats().blobs()
            + (result.stats().blobs() == 1 ? " blob" : " blobs")
            + " ("
            + humanBytes(result.stats().bytes())
            + ").\n");
    if (result.stats().skipped() > 0) {
      out.write(
          "Skipped "
              + result.stats().skipped()
              + " (binary, over the size limit, a special file or a link out of the folder);"
              + " --format json lists them.\n");
    }
    long errors = result.problems().stream().filter(Problem::isError).count();
    if (errors > 0) {
      out.write(
          "The scan is incomplete: "
              + errors
              + (errors == 1 ? " error" : " errors")
              + " (listed on standard error).\n");
    }
  }

  static String humanBytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  private String bold(String text) {
    return options.color() ? "\u001b[1m" + text + "\u001b[0m" : text;
  }

  private String paint(Severity severity, String text) {
    if (!options.color()) {
      return text;
    }
    String code =
        switch (severity) {
          case CRITICAL -> "1;31";
          case HIGH -> "31";
          case MEDIUM -> "33";
          case LOW -> "36";
          case INFO -> "2";
        };
    return "\u001b[" + code + "m" + text + "\u001b[0m";
  }
}

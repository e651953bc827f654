package dev.rekey.scanner.report;

import dev.rekey.detectors.Severity;
import dev.rekey.scanner.model.Exposure;
import dev.rekey.scanner.model.OriginalPosition;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.model.Verified;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A scan report as people read it: the findings of a JSON or JSON Lines report, read back by {@link
 * AuditReportReader}, with what was scanned and, optionally, how a rotation run went. It holds no
 * secret in clear: a secret in the input (a report written with {@code --show-secrets}) is dropped
 * on reading.
 *
 * @param findings the findings, in the order of the input
 * @param coverage what was scanned, or null when the input (JSON Lines) does not say
 * @param problems what was skipped or could not be scanned, in the order met
 * @param secretsDropped whether the input held secrets in clear, left out here
 * @param rotation how a rotation run went, or null when none is shown
 */
public record AuditReport(
    List<Entry> findings,
    @Nullable Coverage coverage,
    List<Problem> problems,
    boolean secretsDropped,
    @Nullable RotationRun rotation) {

  /** Highest priority first: live, then severity, then exposure, oldest first; revoked last. */
  public static final Comparator<Entry> PRIORITY =
      Comparator.comparingInt(Entry::verdictRank)
          .thenComparing(Entry::severity)
          .thenComparing(Entry::exposure)
          .thenComparing(e -> e.introduced() == null ? Instant.MAX : e.introduced().date())
          .thenComparing(Entry::fingerprint);

  public AuditReport {
    findings = List.copyOf(findings);
    problems = List.copyOf(problems);
  }

  /** The findings, highest priority first (see {@link #PRIORITY}). */
  public List<Entry> prioritised() {
    return findings.stream().sorted(PRIORITY).toList();
  }

  /** This report with the outcome of a rotation run. */
  public AuditReport withRotation(RotationRun run) {
    return new AuditReport(findings, coverage, problems, secretsDropped, run);
  }

  /**
   * One finding: a secret found by one rule, wherever it occurs.
   *
   * @param rule the rule id
   * @param provider the provider that issued the secret
   * @param description what the rule finds
   * @param severity how urgent
   * @param exposure who can read it: its most exposed location's exposure
   * @param fingerprint 64 hex digits (the rule and secret, hashed)
   * @param redacted the secret as every report shows it: a prefix and a suffix
   * @param facts non-secret facts established by the rule's checks
   * @param rotationUrl the provider's rotation page (an https URL), or null
   * @param verified what the provider said, or null when it was not asked
   * @param locationCount how many places the scan found
   * @param places the places the report lists, primary first
   * @param spread how far it spread through a git history, or null outside git history
   */
  public record Entry(
      String rule,
      String provider,
      String description,
      Severity severity,
      Exposure exposure,
      String fingerprint,
      String redacted,
      Map<String, String> facts,
      @Nullable String rotationUrl,
      @Nullable Verified verified,
      int locationCount,
      List<Place> places,
      @Nullable Spread spread) {

    public Entry {
      facts = Map.copyOf(facts);
      places = List.copyOf(places);
    }

    /** The start of the fingerprint: what {@code rekey rotate --only} and the page use as id. */
    public String shortId() {
      return fingerprint.substring(0, 16);
    }

    /** The command that rotates this secret, run in the scanned repository. */
    public String rotateCommand() {
      return "rekey rotate --only " + shortId();
    }

    /** The place with the oldest commit: where the secret entered history; null outside it. */
    public @Nullable Place introduced() {
      return places.stream()
          .filter(p -> p.date() != null)
          .min(Comparator.comparing(Place::date))
          .orElse(null);
    }

    /** 0 for a secret the provider confirmed live, 2 for a revoked one, 1 otherwise. */
    int verdictRank() {
      if (verified == null) {
        return 1;
      }
      return switch (verified.status()) {
        case LIVE -> 0;
        case REVOKED -> 2;
        case UNKNOWN, ERROR -> 1;
      };
    }
  }

  /**
   * One place a secret was found.
   *
   * @param path the file, or null for a commit message
   * @param line 1-based line
   * @param column 1-based column
   * @param commit the commit id, or null outside git history
   * @param author the commit's author, or null
   * @param date the commit's author date, or null
   * @param source the kind of place, e.g. {@code history} or {@code bundle}
   * @param exposure who can read it there
   * @param original the original source position of generated code, or null
   * @param snippet the line around it, with the secret redacted, or null
   */
  public record Place(
      @Nullable String path,
      int line,
      int column,
      @Nullable String commit,
      @Nullable String author,
      @Nullable Instant date,
      String source,
      Exposure exposure,
      @Nullable OriginalPosition original,
      @Nullable String snippet) {}

  /**
   * How far a secret spread through a git history.
   *
   * @param commitCount commits carrying it
   * @param refs refs reaching such a commit (those the report names: at most a hundred)
   * @param refCount how many refs reach such a commit
   * @param defaultBranch the default branch, or null when the repository has none
   * @param atTip whether the default branch's tip still holds it
   * @param leftTip when the default branch once held it and no longer does: the commit that removed
   *     it and that commit's date; null otherwise
   */
  public record Spread(
      int commitCount,
      List<String> refs,
      int refCount,
      @Nullable String defaultBranch,
      boolean atTip,
      @Nullable Removal leftTip) {
    public Spread {
      refs = List.copyOf(refs);
      refCount = Math.max(refCount, refs.size());
    }
  }

  /**
   * The commit that took a secret out of the default branch's tip.
   *
   * @param commit its id
   * @param date its author date
   */
  public record Removal(String commit, Instant date) {}

  /**
   * What a scan covered.
   *
   * @param commits commits of git history listed (0 without history, or in an older report)
   * @param refs refs the history was listed from
   * @param blobs unique blobs scanned
   * @param bytes their bytes
   * @param skipped blobs or files skipped
   * @param errors inputs that could not be scanned
   * @param complete whether nothing failed
   * @param elapsed how long the scan took, or null when not recorded
   */
  public record Coverage(
      long commits,
      long refs,
      long blobs,
      long bytes,
      long skipped,
      long errors,
      boolean complete,
      @Nullable Duration elapsed) {}
}

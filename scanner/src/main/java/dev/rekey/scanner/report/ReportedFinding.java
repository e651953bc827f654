package dev.rekey.scanner.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rekey.detectors.Severity;
import dev.rekey.scanner.model.Exposure;
import dev.rekey.scanner.model.OriginalPosition;
import dev.rekey.scanner.model.Verified;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads one finding of a JSON or JSON Lines report (the fields {@code FindingWriter} writes) into
 * an {@link AuditReport.Entry}, without its secret: a secret in clear is cut out of the snippets.
 */
final class ReportedFinding {
  private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");

  private ReportedFinding() {}

  static AuditReport.Entry read(JsonFields finding) throws ReportException {
    String fingerprint = finding.text("fingerprint");
    if (!FINGERPRINT.matcher(fingerprint).matches()) {
      throw finding.wrong("fingerprint", "64 hexadecimal digits");
    }
    String redacted = finding.text("redacted");
    List<AuditReport.Place> places = places(finding, redacted);
    Integer count = finding.optionalInteger("location_count");
    return new AuditReport.Entry(
        finding.text("rule"),
        orEmpty(finding.optionalText("provider")),
        orEmpty(finding.optionalText("description")),
        severity(finding),
        exposure(finding),
        fingerprint,
        redacted,
        finding.textMap("facts"),
        httpsUrl(finding.optionalText("rotation_url")),
        verified(finding.optionalObject("verified")),
        Math.max(count == null ? 0 : count, places.size()),
        places,
        spread(finding));
  }

  /** The places of {@code locations}; without it, the finding's own fields are its only place. */
  private static List<AuditReport.Place> places(JsonFields finding, String redacted)
      throws ReportException {
    String secret = finding.optionalText("secret");
    List<AuditReport.Place> places = new ArrayList<>();
    for (JsonNode node : finding.array("locations")) {
      JsonFields fields =
          new JsonFields(node, finding.where() + ", location " + (places.size() + 1));
      places.add(place(fields, secret, redacted));
    }
    if (places.isEmpty()) {
      places.add(place(finding, secret, redacted));
    }
    return places;
  }

  private static AuditReport.Place place(
      JsonFields fields, @Nullable String secret, String redacted) throws ReportException {
    String originalPath = fields.optionalText("original_path");
    Integer originalLine = fields.optionalInteger("original_line");
    Integer originalColumn = fields.optionalInteger("original_column");
    OriginalPosition original =
        originalPath == null
            ? null
            : new OriginalPosition(
                originalPath,
                originalLine == null ? 0 : originalLine,
                originalColumn == null ? 0 : originalColumn);
    String snippet = fields.optionalText("snippet");
    if (snippet != null && secret != null && !secret.isEmpty()) {
      snippet = snippet.replace(secret, redacted);
    }
    return new AuditReport.Place(
        fields.optionalText("path"),
        fields.integer("line"),
        fields.integer("column"),
        fields.optionalText("commit"),
        fields.optionalText("author"),
        fields.optionalInstant("date"),
        orEmpty(fields.optionalText("source")),
        exposure(fields),
        original,
        snippet);
  }

  private static AuditReport.@Nullable Spread spread(JsonFields finding) throws ReportException {
    if (!finding.has("default_branch") && finding.array("refs").isEmpty()) {
      return null;
    }
    Integer commits = finding.optionalInteger("commit_count");
    Integer refCount = finding.optionalInteger("ref_count"); // absent from older reports
    Boolean atTip = finding.optionalBoolean("at_default_branch_tip");
    String leftCommit = finding.optionalText("left_tip_commit");
    Instant leftDate = finding.optionalInstant("left_tip_date");
    return new AuditReport.Spread(
        commits == null ? 0 : commits,
        finding.strings("refs"),
        refCount == null ? 0 : refCount,
        finding.optionalText("default_branch"),
        atTip != null && atTip,
        leftCommit == null || leftDate == null
            ? null
            : new AuditReport.Removal(leftCommit, leftDate));
  }

  private static Severity severity(JsonFields fields) throws ReportException {
    String label = fields.text("severity");
    for (Severity severity : Severity.values()) {
      if (severity.label().equals(label)) {
        return severity;
      }
    }
    throw fields.wrong("severity", "critical, high, medium, low or info");
  }

  private static Exposure exposure(JsonFields fields) throws ReportException {
    String label = fields.text("exposure");
    for (Exposure exposure : Exposure.values()) {
      if (exposure.label().equals(label)) {
        return exposure;
      }
    }
    throw fields.wrong("exposure", "public, server, history or local");
  }

  private static @Nullable Verified verified(@Nullable JsonFields fields) throws ReportException {
    if (fields == null) {
      return null;
    }
    String label = fields.text("status");
    for (Verified.Status status : Verified.Status.values()) {
      if (status.label().equals(label)) {
        return new Verified(status, orEmpty(fields.optionalText("reason")));
      }
    }
    throw fields.wrong("status", "live, revoked, unknown or error");
  }

  /** The URL when it is an absolute https URL with a host; anything else is not linked. */
  private static @Nullable String httpsUrl(@Nullable String url) {
    if (url == null) {
      return null;
    }
    try {
      URI uri = new URI(url);
      boolean https = "https".equals(String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT));
      return https && uri.getHost() != null ? uri.toASCIIString() : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static String orEmpty(@Nullable String text) {
    return text == null ? "" : text;
  }
}

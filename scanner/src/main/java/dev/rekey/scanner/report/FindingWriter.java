package dev.rekey.scanner.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.rekey.scanner.model.CommitInfo;
import dev.rekey.scanner.model.Exposure;
import dev.rekey.scanner.model.Finding;
import dev.rekey.scanner.model.GitSpread;
import dev.rekey.scanner.model.Location;
import dev.rekey.scanner.model.OriginalPosition;
import dev.rekey.scanner.model.Provenance;
import dev.rekey.scanner.model.Snippet;
import dev.rekey.scanner.model.Verified;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Writes one finding as a JSON object: the public contract shared by the JSON and JSON Lines
 * reports. Fields may be added; none may be renamed.
 */
final class FindingWriter {
  private final ReportOptions options;

  FindingWriter(ReportOptions options) {
    this.options = options;
  }

  void write(Finding finding, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("rule", finding.rule().id());
    json.writeStringField("provider", finding.rule().provider().name());
    json.writeStringField("kind", finding.rule().kind());
    json.writeStringField("severity", finding.severity().label());
    json.writeStringField("description", finding.rule().description());
    String shown = options.shown(finding.secret());
    // the blob of a secret repeated at thousands of places has one snippet: rendered once
    Map<Snippet, String> rendered = new IdentityHashMap<>();
    writeLocationFields(finding.primary(), finding.exposure(), shown, rendered, json);
    json.writeStringField("context", finding.context().label());
    writeFirstCommit(finding.firstCommit(), json);
    json.writeStringField("fingerprint", finding.fingerprint());
    json.writeStringField("redacted", finding.secret().redacted());
    if (options.showSecrets()) {
      json.writeStringField("secret", finding.secret().reveal());
    }
    writeFacts(finding.facts(), json);
    json.writeStringField("rotation_url", finding.rule().rotationUrl());
    writeVerified(finding.verified(), json);
    json.writeNumberField("location_count", finding.locations().size());
    json.writeArrayFieldStart("locations");
    for (Location location : finding.locations()) {
      json.writeStartObject();
      writeLocationFields(location, location.exposure(), shown, rendered, json);
      json.writeStringField("context", location.context().label());
      json.writeBooleanField("companion", location.companion());
      json.writeEndObject();
    }
    json.writeEndArray();
    writeSpread(finding, json);
    json.writeEndObject();
  }

  /**
   * Where the secret entered git history, apart from the primary location (which is the most
   * exposed place): {@code "first_commit": {"id", "author", "email", "date", "path", "line",
   * "column"}}, or null when it was not found in history.
   */
  private static void writeFirstCommit(@Nullable Location first, JsonGenerator json)
      throws IOException {
    CommitInfo commit = first == null ? null : first.provenance().commit();
    if (first == null || commit == null) {
      json.writeNullField("first_commit");
      return;
    }
    json.writeObjectFieldStart("first_commit");
    json.writeStringField("id", commit.id());
    json.writeStringField("author", commit.author());
    json.writeStringField("email", commit.email());
    json.writeStringField("date", DateTimeFormatter.ISO_INSTANT.format(commit.date()));
    json.writeStringField("path", first.provenance().path());
    json.writeNumberField("line", first.line());
    json.writeNumberField("column", first.column());
    json.writeEndObject();
  }

  /**
   * How far the secret spread: commits, paths and refs carrying it (at most {@link RefSample#LIMIT}
   * named, all counted), and the default branch.
   */
  private static void writeSpread(Finding finding, JsonGenerator json) throws IOException {
    GitSpread spread = finding.spread();
    json.writeNumberField("commit_count", spread == null ? 0 : spread.commitCount());
    json.writeArrayFieldStart("paths");
    for (String path : paths(finding)) {
      json.writeString(path);
    }
    json.writeEndArray();
    Set<String> refs = spread == null ? Set.of() : spread.refs();
    json.writeArrayFieldStart("refs");
    for (String ref : RefSample.of(refs)) {
      json.writeString(ref);
    }
    json.writeEndArray();
    json.writeNumberField("ref_count", refs.size());
    json.writeStringField("default_branch", spread == null ? null : spread.defaultBranch());
    if (spread == null || spread.defaultBranch() == null) {
      json.writeNullField("at_default_branch_tip");
    } else {
      json.writeBooleanField("at_default_branch_tip", spread.atDefaultTip());
    }
    CommitInfo left = spread == null ? null : spread.leftDefaultTip();
    json.writeStringField("left_tip_commit", left == null ? null : left.id());
    json.writeStringField(
        "left_tip_date", left == null ? null : DateTimeFormatter.ISO_INSTANT.format(left.date()));
  }

  /** The distinct paths of a finding's locations, sorted. */
  static Set<String> paths(Finding finding) {
    Set<String> paths = new TreeSet<>();
    for (Location location : finding.locations()) {
      String path = location.provenance().path();
      if (path != null) {
        paths.add(path);
      }
    }
    return paths;
  }

  /**
   * The fields of one location; at the top of a finding, {@code exposure} is the finding's (its
   * most exposed location's) and the rest are the primary location's.
   */
  private static void writeLocationFields(
      Location location,
      Exposure exposure,
      String shownSecret,
      Map<Snippet, String> rendered,
      JsonGenerator json)
      throws IOException {
    Provenance provenance = location.provenance();
    CommitInfo commit = provenance.commit();
    json.writeStringField("path", provenance.path());
    json.writeStringField("container", provenance.container());
    json.writeNumberField("line", location.line());
    json.writeNumberField("column", location.column());
    json.writeStringField("commit", commit == null ? null : commit.id());
    json.writeStringField("author", commit == null ? null : commit.author());
    json.writeStringField("email", commit == null ? null : commit.email());
    json.writeStringField(
        "date", commit == null ? null : DateTimeFormatter.ISO_INSTANT.format(commit.date()));
    json.writeStringField("source", provenance.kind().label());
    json.writeStringField("exposure", exposure.label());
    OriginalPosition original = location.original();
    json.writeStringField("original_path", original == null ? null : original.path());
    writeNumberOrNull("original_line", original == null ? null : original.line(), json);
    writeNumberOrNull("original_column", original == null ? null : original.column(), json);
    Snippet snippet = location.snippet();
    json.writeStringField(
        "snippet",
        snippet == null ? null : rendered.computeIfAbsent(snippet, s -> s.render(shownSecret)));
  }

  private static void writeNumberOrNull(String name, @Nullable Integer value, JsonGenerator json)
      throws IOException {
    if (value == null) {
      json.writeNullField(name);
    } else {
      json.writeNumberField(name, value);
    }
  }

  /** Only when verification ran: {@code "verified": {"status": "live", "reason": "…"}}. */
  private static void writeVerified(@Nullable Verified verified, JsonGenerator json)
      throws IOException {
    if (verified != null) {
      json.writeObjectFieldStart("verified");
      json.writeStringField("status", verified.status().label());
      json.writeStringField("reason", verified.reason());
      json.writeEndObject();
    }
  }

  private static void writeFacts(Map<String, String> facts, JsonGenerator json) throws IOException {
    json.writeObjectFieldStart("facts");
    for (Map.Entry<String, String> fact : new TreeMap<>(facts).entrySet()) {
      json.writeStringField(fact.getKey(), fact.getValue());
    }
    json.writeEndObject();
  }
}

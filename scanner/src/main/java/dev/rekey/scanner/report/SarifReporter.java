package dev.rekey.scanner.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.rekey.detectors.Rule;
import dev.rekey.scanner.model.CommitInfo;
import dev.rekey.scanner.model.Finding;
import dev.rekey.scanner.model.Location;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.model.Provenance;
import dev.rekey.scanner.model.ScanResult;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0, as GitHub code scanning and other dashboards read it: one run, the rules that found
 * something (with help on rotating), and one result per finding — the primary location first, the
 * other places as related locations — with the fingerprint as a partial fingerprint so an alert
 * survives code moving.
 */
public final class SarifReporter implements Reporter {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String FINGERPRINT_KEY = "rekeyFingerprint/v1";
  private static final JsonFactory JSON = InertEscapes.factory();

  private final ReportOptions options;

  public SarifReporter(ReportOptions options) {
    this.options = options;
  }

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    Map<String, Rule> rules = new LinkedHashMap<>();
    for (Finding finding : result.findings()) {
      rules.putIfAbsent(finding.rule().id(), finding.rule());
      ruleIndex.putIfAbsent(finding.rule().id(), ruleIndex.size());
    }
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("$schema", SCHEMA);
      json.writeStringField("version", "2.1.0");
      json.writeArrayFieldStart("runs");
      json.writeStartObject();
      writeTool(rules.values().stream().toList(), json);
      writeInvocation(result, json);
      json.writeArrayFieldStart("results");
      for (Finding finding : result.findings()) {
        if (!places(finding).isEmpty()) {
          writeResult(finding, ruleIndex.getOrDefault(finding.rule().id(), 0), json);
        }
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  private void writeTool(List<Rule> rules, JsonGenerator json) throws IOException {
    json.writeObjectFieldStart("tool");
    json.writeObjectFieldStart("driver");
    json.writeStringField("name", "rekey");
    json.writeStringField("version", options.toolVersion());
    json.writeArrayFieldStart("rules");
    for (Rule rule : rules) {
      SarifRules.write(rule, json);
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndObject();
  }

  private static void writeInvocation(ScanResult result, JsonGenerator json) throws IOException {
    json.writeArrayFieldStart("invocations");
    json.writeStartObject();
    json.writeBooleanField("executionSuccessful", !result.incomplete());
    json.writeArrayFieldStart("toolExecutionNotifications");
    for (Problem problem : result.problems()) {
      notification(
          problem.isError() ? "error" : "note", problem.where() + ": " + problem.message(), json);
    }
    for (Finding finding : result.findings()) {
      if (places(finding).isEmpty()) {
        // Code scanning rejects a result without a file location; say so rather than drop it.
        notification(
            "warning",
            finding.rule().id()
                + " ("
                + finding.secret().redacted()
                + ") found only in commit messages, which code scanning cannot show: see"
                + " --format json",
            json);
      }
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndArray();
  }

  private static void notification(String level, String text, JsonGenerator json)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("level", level);
    json.writeObjectFieldStart("message");
    json.writeStringField("text", text);
    json.writeEndObject();
    json.writeEndObject();
  }

  /** The locations code scanning can show: those in a file (a URL as host and path). */
  private static List<Location> places(Finding finding) {
    return finding.locations().stream().filter(l -> l.provenance().path() != null).toList();
  }

  private void writeResult(Finding finding, int ruleIndex, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("ruleId", finding.rule().id());
    json.writeNumberField("ruleIndex", ruleIndex);
    json.writeStringField("level", SarifRules.level(finding.severity()));
    json.writeObjectFieldStart("message");
    json.writeStringField("text", message(finding));
    json.writeEndObject();
    List<Location> places = places(finding);
    json.writeArrayFieldStart("locations");
    writeLocation(places.getFirst(), -1, json);
    json.writeEndArray();
    if (places.size() > 1) {
      json.writeArrayFieldStart("relatedLocations");
      for (int i = 1; i < places.size(); i++) {
        writeLocation(places.get(i), i, json);
      }
      json.writeEndArray();
    }
    json.writeObjectFieldStart("partialFingerprints");
    json.writeStringField(FINGERPRINT_KEY, finding.fingerprint());
    json.writeEndObject();
    writeProperties(finding, json);
    json.writeEndObject();
  }

  private String message(Finding finding) {
    String secret = options.shown(finding.secret());
    int others = finding.locations().size() - 1;
    return finding.rule().description()
        + " ("
        + secret
        + ")"
        + (others > 0
            ? ", also found at " + others + (others == 1 ? " other place" : " other places")
            : "")
        + ". Rotate it, then remove it from the code.";
  }

  private static void writeLocation(Location location, int id, JsonGenerator json)
      throws IOException {
    json.writeStartObject();
    if (id >= 0) {
      json.writeNumberField("id", id);
    }
    json.writeObjectFieldStart("physicalLocation");
    json.writeObjectFieldStart("artifactLocation");
    json.writeStringField("uri", uri(location.provenance()));
    json.writeStringField("uriBaseId", "%SRCROOT%");
    json.writeEndObject();
    json.writeObjectFieldStart("region");
    json.writeNumberField("startLine", location.line());
    json.writeNumberField("startColumn", location.column());
    json.writeEndObject();
    json.writeEndObject();
    CommitInfo commit = location.provenance().commit();
    if (commit != null) {
      json.writeObjectFieldStart("message");
      json.writeStringField("text", "in commit " + commit.id() + " by " + commit.author());
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  private void writeProperties(Finding finding, JsonGenerator json) throws IOException {
    json.writeObjectFieldStart("properties");
    json.writeStringField("severity", finding.severity().label());
    json.writeStringField("context", finding.context().label());
    json.writeStringField("redacted", finding.secret().redacted());
    if (options.showSecrets()) {
      json.writeStringField("secret", finding.secret().reveal());
    }
    json.writeStringField("source", finding.primary().provenance().kind().label());
    CommitInfo commit = finding.primary().provenance().commit();
    if (commit != null) {
      json.writeStringField("commit", commit.id());
    }
    Location first = finding.firstCommit();
    CommitInfo firstCommit = first == null ? null : first.provenance().commit();
    if (firstCommit != null) {
      json.writeStringField("firstCommit", firstCommit.id());
      json.writeStringField("firstCommitDate", firstCommit.date().toString());
    }
    json.writeNumberField("locationCount", finding.locations().size());
    json.writeEndObject();
  }

  /**
   * A location's file as a relative URI reference: the path, or for a URL its host and path (code
   * scanning accepts only paths), with spaces and the like escaped.
   */
  static String uri(Provenance provenance) {
    String path = String.valueOf(provenance.path());
    if (provenance instanceof Provenance.Url) {
      try {
        URI url = new URI(path);
        String host = url.getHost() == null ? "" : url.getHost();
        String port = url.getPort() < 0 ? "" : "_" + url.getPort();
        path = host + port + (url.getPath() == null ? "" : url.getPath());
      } catch (URISyntaxException e) {
        path = path.replaceFirst("^[a-zA-Z]+://", "");
      }
    }
    return escaped(path);
  }

  private static String escaped(String path) {
    try {
      return new URI(null, null, path, null).getRawPath();
    } catch (URISyntaxException e) {
      return path.replace(" ", "%20");
    }
  }
}

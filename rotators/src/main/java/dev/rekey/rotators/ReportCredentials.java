package dev.rekey.rotators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rekey.detectors.SecretValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the credentials of a {@code rekey scan} report ({@code --format json} or {@code jsonl}).
 *
 * <p>Reports are redacted unless written with {@code --show-secrets}. A finding's {@code secret} is
 * used when present (and must match its fingerprint); otherwise the credential carries only its
 * non-secret facts, which is enough for rotators that do not need the old value (IAM keys, by their
 * key id; guided rotations; database passwords with {@code --db-admin-url}).
 */
public final class ReportCredentials {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportCredentials() {}

  /** The credentials of every finding in the report. */
  public static List<Credential> read(Path report) throws IOException {
    String text = Files.readString(report, StandardCharsets.UTF_8);
    List<JsonNode> findings = new ArrayList<>();
    String trimmed = text.strip();
    JsonNode document =
        trimmed.startsWith("{") && !trimmed.contains("}\n{") ? JSON.readTree(trimmed) : null;
    if (document != null && document.has("findings")) {
      document.get("findings").forEach(findings::add);
    } else {
      for (String line : text.lines().filter(l -> !l.isBlank()).toList()) {
        findings.add(JSON.readTree(line));
      }
    }
    List<Credential> credentials = new ArrayList<>();
    for (JsonNode finding : findings) {
      credentials.add(credential(report, finding));
    }
    return credentials;
  }

  private static Credential credential(Path report, JsonNode finding) throws IOException {
    String rule = required(report, finding, "rule");
    String fingerprint = required(report, finding, "fingerprint");
    SecretValue secret = null;
    if (finding.hasNonNull("secret")) {
      secret = SecretValue.of(finding.get("secret").asText());
      if (!secret.fingerprint(rule).equals(fingerprint)) {
        throw new IOException(
            report
                + ": finding "
                + fingerprint.substring(0, 12)
                + " has a secret that does not"
                + " match its fingerprint: the report was edited; scan again");
      }
    }
    Map<String, String> facts = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> fact : finding.path("facts").properties()) {
      facts.put(fact.getKey(), fact.getValue().asText());
    }
    List<String> where = new ArrayList<>();
    for (JsonNode location : finding.path("locations")) {
      where.add(describe(location));
    }
    if (where.isEmpty()) {
      where.add(describe(finding));
    }
    return new Credential(
        rule,
        finding.path("provider").asText(rule),
        finding.path("kind").asText("secret"),
        fingerprint,
        secret,
        facts,
        where,
        text(finding, "rotation_url"));
  }

  private static String describe(JsonNode location) {
    String path = location.hasNonNull("path") ? location.get("path").asText() : "commit message";
    String at = path + ":" + location.path("line").asInt();
    String commit = text(location, "commit");
    if (commit != null) {
      at += " in commit " + commit.substring(0, Math.min(12, commit.length()));
    }
    return at + " (" + location.path("source").asText("worktree") + ")";
  }

  private static String required(Path report, JsonNode finding, String field) throws IOException {
    String value = text(finding, field);
    if (value == null) {
      throw new IOException(report + ": a finding has no '" + field + "': is this a rekey report?");
    }
    return value;
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}

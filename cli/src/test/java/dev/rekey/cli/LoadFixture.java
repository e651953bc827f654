package dev.rekey.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rekey.cli.load.LoadApp;
import dev.rekey.cli.load.SecretCache;
import dev.rekey.cli.load.SecretSource;
import dev.rekey.cli.load.StsBackend;
import dev.rekey.detectors.SecretValue;
import dev.rekey.rotators.db.DatabaseUrl;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.iam.model.AccessKey;

/**
 * Reports of credentials that live on the loopback servers, written as {@code rekey scan --format
 * jsonl --show-secrets} writes them, for the rotations the load harness watches: the test knows the
 * credentials it made, so no scan is needed to find them.
 */
final class LoadFixture {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LoadFixture() {}

  /** One finding of {@code rule} with this secret and these facts. */
  static ObjectNode finding(
      String rule, String provider, String kind, String secret, Map<String, String> facts) {
    ObjectNode finding = JSON.createObjectNode();
    finding.put("rule", rule).put("provider", provider).put("kind", kind);
    finding.put("severity", "critical").put("path", ".env").put("line", 1);
    finding.put("source", "worktree");
    finding.put("fingerprint", SecretValue.of(secret).fingerprint(rule)).put("secret", secret);
    ObjectNode factNode = finding.putObject("facts");
    facts.forEach(factNode::put);
    finding
        .putArray("locations")
        .addObject()
        .put("path", ".env")
        .put("line", 1)
        .put("source", "worktree");
    return finding;
  }

  /** A database URL's finding, with the facts a scan gives it. */
  static ObjectNode databaseFinding(String url, String rule, String provider) {
    DatabaseUrl parsed = DatabaseUrl.parse(url).orElseThrow();
    return finding(
        rule,
        provider,
        "database-url",
        url,
        Map.of(
            "db.user", parsed.user(),
            "db.host", parsed.host(),
            "db.port", Integer.toString(parsed.port()),
            "db.name", parsed.database()));
  }

  /** A report of one database URL's finding, in {@code file}. */
  static Path databaseReport(Path file, String url, String rule, String provider)
      throws IOException {
    return report(file, List.of(databaseFinding(url, rule, provider)));
  }

  /** Writes the findings as a JSON-lines report. */
  static Path report(Path file, List<ObjectNode> findings) throws IOException {
    StringBuilder text = new StringBuilder();
    findings.forEach(f -> text.append(f).append('\n'));
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  /** A JSON object of these entries, as a store holds a payload. */
  static String payload(Map<String, String> entries) {
    ObjectNode node = JSON.createObjectNode();
    entries.forEach(node::put);
    return node.toString();
  }

  /**
   * A new moto IAM user whose access key the application reads from a Secrets Manager secret, and a
   * report of that key's finding in {@code reportFile}.
   */
  record IamKeyInStore(String user, AccessKey key, String secret, Path report) {
    static IamKeyInStore create(ItServers servers, String prefix, Path reportFile)
        throws IOException {
      String user = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
      AccessKey key = servers.newIamUser(user);
      String secret = prefix + "/" + user;
      servers.createSecret(
          secret,
          LoadFixture.payload(
              Map.of(
                  "AWS_ACCESS_KEY_ID", key.accessKeyId(),
                  "AWS_SECRET_ACCESS_KEY", key.secretAccessKey())));
      Path report =
          LoadFixture.report(
              reportFile,
              List.of(
                  finding(
                      "aws.access-key",
                      "AWS",
                      "access-key",
                      key.secretAccessKey(),
                      Map.of("aws.access_key_id", key.accessKeyId()))));
      return new IamKeyInStore(user, key, secret, report);
    }

    /** An application calling STS with the key it caches from the store for {@code ttl}. */
    LoadApp.Stream stream(ItServers servers, Duration ttl) {
      return new LoadApp.Stream(
          new SecretCache(SecretSource.secretsManager(servers::secretsManager, secret), ttl),
          new StsBackend(URI.create(servers.awsEndpoint), user));
    }
  }
}

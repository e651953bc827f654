package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rekey.detectors.SecretValue;
import dev.rekey.rotators.db.DatabaseUrl;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.iam.model.AccessKey;

/**
 * The {@code test-repos/rotation} fixture, built with credentials that are live on the loopback
 * servers: a new IAM user and key, a new PostgreSQL role and a new MariaDB account.
 */
record RotationFixture(Path repo, String iamUser, AccessKey key, String pgUrl, String mysqlUrl) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static RotationFixture create(ItServers servers, Path dir) throws Exception {
    String user = "ci-" + UUID.randomUUID().toString().substring(0, 8);
    AccessKey key = servers.newIamUser(user);
    String pg = servers.newPostgresRole();
    String mysql = servers.newMariadbUser();
    Path script = Fixtures.testRepos().resolve("rotation").resolve("build.sh");
    ProcessBuilder builder =
        new ProcessBuilder("bash", script.toString(), dir.toString()).redirectErrorStream(true);
    builder.environment().put("REKEY_FIXTURE_AWS_KEY_ID", key.accessKeyId());
    builder.environment().put("REKEY_FIXTURE_AWS_SECRET", key.secretAccessKey());
    builder.environment().put("REKEY_FIXTURE_PG_URL", pg);
    builder.environment().put("REKEY_FIXTURE_MYSQL_URL", mysql);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return new RotationFixture(dir, user, key, pg, mysql);
  }

  /**
   * {@code rekey scan --format json --show-secrets} of the fixture, written to {@code report}.
   * Until the database URL rules exist (issue 3), their findings are added as the scan will report
   * them: rule, provider, kind, fingerprint, secret and location.
   */
  Path scanReport(Path report) throws Exception {
    Cli scan =
        Cli.run(
            "scan", repo.toString(), "--format", "json", "--show-secrets", "-o", report.toString());
    assertThat(scan.exitCode()).as(scan.err()).isEqualTo(1);
    ObjectNode document = (ObjectNode) JSON.readTree(report.toFile());
    ArrayNode findings = (ArrayNode) document.get("findings");
    addIfMissing(findings, "database.postgres-url", "PostgreSQL", pgUrl, 2);
    addIfMissing(findings, "database.mysql-url", "MySQL", mysqlUrl, 3);
    Files.writeString(report, document.toPrettyString());
    return report;
  }

  private static void addIfMissing(
      ArrayNode findings, String rule, String provider, String url, int line) {
    for (JsonNode finding : findings) {
      if (finding.path("rule").asText().equals(rule)) {
        return;
      }
    }
    DatabaseUrl parsed = DatabaseUrl.parse(url).orElseThrow();
    ObjectNode finding = findings.addObject();
    finding.put("rule", rule).put("provider", provider).put("kind", "database-url");
    finding
        .put("severity", "critical")
        .put("path", ".env")
        .put("line", line)
        .put("source", "worktree");
    finding.put("fingerprint", SecretValue.of(url).fingerprint(rule)).put("secret", url);
    finding
        .putObject("facts")
        .put("db.user", parsed.user())
        .put("db.host", parsed.host())
        .put("db.port", Integer.toString(parsed.port()))
        .put("db.name", parsed.database());
    finding
        .putArray("locations")
        .addObject()
        .put("path", ".env")
        .put("line", line)
        .put("source", "worktree");
  }

  /** The fingerprint the report gives a rule's finding. */
  static String fingerprint(Path report, String rule) throws Exception {
    for (JsonNode finding : JSON.readTree(report.toFile()).get("findings")) {
      if (finding.path("rule").asText().equals(rule)) {
        return finding.get("fingerprint").asText();
      }
    }
    throw new AssertionError("no " + rule + " finding in " + report);
  }

  /** The Secrets Manager secret rekey's default name template gives a finding. */
  static String secretName(Path report, String rule) throws Exception {
    return "rekey/" + rule + "/" + fingerprint(report, rule).substring(0, 12);
  }

  /** Every secret value of the fixture: none may ever appear in a journal or a log. */
  List<String> oldSecrets() {
    return List.of(key.secretAccessKey(), ItServers.password(pgUrl), ItServers.password(mysqlUrl));
  }
}

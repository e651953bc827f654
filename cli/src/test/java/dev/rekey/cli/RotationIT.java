package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.StatusType;

/**
 * {@code rekey scan} then {@code rekey rotate} of the rotation fixture against the loopback moto,
 * PostgreSQL and MariaDB servers, asserting the real state they end in.
 */
class RotationIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ItServers SERVERS = new ItServers();

  /**
   * The grace of the finish test: longer than the rotate run's tail after the last deferral plus a
   * whole finish take on a heavily loaded machine (there one database credential's create alone
   * took 7 s), so the first finish ends within the last credential's grace.
   */
  private static final Duration GRACE = Duration.ofSeconds(20);

  @TempDir Path temp;

  @Test
  void scanThenRotateRotatesEveryCredentialEndToEnd() throws Exception {
    RotationFixture fixture = RotationFixture.create(SERVERS, temp.resolve("repo"));
    Path report = fixture.scanReport(temp.resolve("report.json"));

    Cli run = rotate(report, "--log-format", "json");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertIamRotated(fixture, report);
    List<String> newSecrets = assertDatabasesRotated(fixture, report, true);
    assertNoSecretIn(fixture, newSecrets, run);
    assertThat(run.err().lines().map(RotationIT::json))
        .allSatisfy(
            line ->
                assertThat(line.has("run") && line.has("credential") && line.has("outcome"))
                    .isTrue());
  }

  @Test
  void graceKeepsTheOldCredentialsUntilRollbackRestoresThem() throws Exception {
    RotationFixture fixture = RotationFixture.create(SERVERS, temp.resolve("repo"));
    Path report = fixture.scanReport(temp.resolve("report.json"));

    Cli run = rotate(report, "--grace", "1h");
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out()).contains("rekey rotate --finish");
    assertThat(SERVERS.keys(fixture.iamUser()))
        .hasSize(2)
        .allMatch(k -> k.status() == StatusType.ACTIVE);
    assertThat(ItServers.canLogin(fixture.mysqlUrl()))
        .as("MariaDB keeps the old password")
        .isTrue();

    Cli rollback =
        Cli.runWithEnv(
            SERVERS.env(),
            "rollback",
            runId(run),
            "--journal-dir",
            journals().toString(),
            "--db-admin-url",
            "env:REKEY_IT_MARIADB_ADMIN_URL",
            "--db-admin-url",
            "env:REKEY_IT_PG_ADMIN_URL");
    assertThat(rollback.exitCode()).as(rollback.out() + rollback.err()).isZero();
    assertThat(
            SERVERS.secretValue(RotationFixture.secretName(report, "aws.access-key"), "AWSCURRENT"))
        .contains(fixture.key().accessKeyId());
    assertThat(ItServers.canLogin(fixture.pgUrl())).as("PostgreSQL old password restored").isTrue();
    assertThat(ItServers.canLogin(fixture.mysqlUrl())).isTrue();
    assertThat(SERVERS.keys(fixture.iamUser()))
        .filteredOn(k -> k.accessKeyId().equals(fixture.key().accessKeyId()))
        .singleElement()
        .extracting(AccessKeyMetadata::status)
        .isEqualTo(StatusType.ACTIVE);
  }

  /**
   * A finish revokes each credential only once its own grace is over, however slow the machine: the
   * rotate run records when each deferred revoke falls due, and each finish is judged from those
   * times (see {@link Deferrals}), not from a fixed sleep. The grace is long enough that, even on a
   * heavily loaded machine, the credential deferred last is still within it when the first finish
   * has ended: that finish must hold it back, and the old credential must still work.
   */
  @Test
  void finishRevokesOnlyOnceTheGracePeriodIsOver() throws Exception {
    RotationFixture fixture = RotationFixture.create(SERVERS, temp.resolve("repo"));
    Path report = fixture.scanReport(temp.resolve("report.json"));
    Cli run = rotate(report, "--grace", GRACE.toSeconds() + "s");
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    Path journal = journals().resolve(runId(run) + ".jsonl");
    assertThat(Deferrals.read(journal).due()).as("one deferred revoke per credential").hasSize(3);

    Cli early = finish(runId(run));
    Instant ended = Instant.now();
    Deferrals afterEarly = Deferrals.read(journal);
    List<String> held = afterEarly.graceRunningAt(ended);
    assertThat(held)
        .as(
            "graces still running when the first finish ended at %s: due %s",
            ended, afterEarly.due())
        .isNotEmpty();
    assertThat(early.exitCode()).as(early.out() + early.err()).isEqualTo(1);
    for (String rule : held) {
      assertOldCredentialWorks(fixture, rule);
    }
    afterEarly.assertNoRevokeBeforeItWasDue();

    Thread.sleep(
        Math.max(0, Duration.between(Instant.now(), afterEarly.lastDue()).toMillis()) + 100);
    Cli late = finish(runId(run));
    assertThat(late.exitCode()).as(late.out() + late.err()).isZero();
    assertIamRotated(fixture, report);
    assertDatabasesRotated(fixture, report, true);
    Deferrals.read(journal).assertNoRevokeBeforeItWasDue();
  }

  /** The leaked credential of {@code rule} is still accepted: its revoke has not happened. */
  private static void assertOldCredentialWorks(RotationFixture fixture, String rule)
      throws Exception {
    switch (rule) {
      case "aws.access-key" ->
          assertThat(SERVERS.keys(fixture.iamUser()))
              .as("the old IAM key is kept")
              .anyMatch(
                  k ->
                      k.accessKeyId().equals(fixture.key().accessKeyId())
                          && k.status() == StatusType.ACTIVE);
      case "database.postgres-url" ->
          assertThat(ItServers.canLogin(fixture.pgUrl())).as("old PostgreSQL login").isTrue();
      case "database.mysql-url" ->
          assertThat(ItServers.canLogin(fixture.mysqlUrl())).as("old MariaDB login").isTrue();
      default -> throw new AssertionError("no check for rule " + rule);
    }
  }

  private Cli finish(String runId) {
    return Cli.runWithEnv(
        SERVERS.env(),
        "rotate",
        "--finish",
        runId,
        "--journal-dir",
        journals().toString(),
        "--db-admin-url",
        "env:REKEY_IT_MARIADB_ADMIN_URL",
        "--db-admin-url",
        "env:REKEY_IT_PG_ADMIN_URL");
  }

  private Cli rotate(Path report, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "rotate",
                "--from",
                report.toString(),
                "--yes",
                "--journal-dir",
                journals().toString(),
                "--db-admin-url",
                "env:REKEY_IT_MARIADB_ADMIN_URL",
                "--db-admin-url",
                "env:REKEY_IT_PG_ADMIN_URL"));
    args.addAll(List.of(extra));
    return Cli.runWithEnv(SERVERS.env(), args.toArray(String[]::new));
  }

  private Path journals() {
    return temp.resolve("journals");
  }

  static String runId(Cli run) {
    return run.out()
        .lines()
        .filter(l -> l.startsWith("Run "))
        .findFirst()
        .orElseThrow()
        .split(" ")[1];
  }

  /** Exactly one key, the new one, current in the store; the old key gone and previous. */
  static void assertIamRotated(RotationFixture fixture, Path report) throws Exception {
    List<AccessKeyMetadata> keys = SERVERS.keys(fixture.iamUser());
    assertThat(keys)
        .singleElement()
        .satisfies(
            k -> {
              assertThat(k.accessKeyId()).isNotEqualTo(fixture.key().accessKeyId());
              assertThat(k.status()).isEqualTo(StatusType.ACTIVE);
            });
    String name = RotationFixture.secretName(report, "aws.access-key");
    JsonNode current = JSON.readTree(SERVERS.secretValue(name, "AWSCURRENT"));
    JsonNode previous = JSON.readTree(SERVERS.secretValue(name, "AWSPREVIOUS"));
    assertThat(current.get("AWS_ACCESS_KEY_ID").asText()).isEqualTo(keys.getFirst().accessKeyId());
    assertThat(previous.get("AWS_ACCESS_KEY_ID").asText()).isEqualTo(fixture.key().accessKeyId());
    assertThat(SERVERS.secret(name).versionIdsToStages()).hasSize(2);
    assertThat(SERVERS.secret(name).tags()).anyMatch(t -> t.key().equals("rekey:run"));
  }

  /** The new URLs log in, the old ones do not; returns the new secrets. */
  static List<String> assertDatabasesRotated(RotationFixture fixture, Path report, boolean revoked)
      throws Exception {
    List<String> secrets = new ArrayList<>();
    for (Map.Entry<String, String> db :
        Map.of("database.postgres-url", fixture.pgUrl(), "database.mysql-url", fixture.mysqlUrl())
            .entrySet()) {
      String name = RotationFixture.secretName(report, db.getKey());
      String current =
          JSON.readTree(SERVERS.secretValue(name, "AWSCURRENT")).get("DATABASE_URL").asText();
      String previous =
          JSON.readTree(SERVERS.secretValue(name, "AWSPREVIOUS")).get("DATABASE_URL").asText();
      assertThat(previous).isEqualTo(db.getValue());
      assertThat(current).isNotEqualTo(db.getValue());
      assertThat(ItServers.canLogin(current)).as("new password of %s works", db.getKey()).isTrue();
      assertThat(ItServers.canLogin(db.getValue()))
          .as("old password of %s refused", db.getKey())
          .isEqualTo(!revoked);
      secrets.add(ItServers.password(current));
    }
    String aws = RotationFixture.secretName(report, "aws.access-key");
    secrets.add(
        JSON.readTree(SERVERS.secretValue(aws, "AWSCURRENT"))
            .get("AWS_SECRET_ACCESS_KEY")
            .asText());
    return secrets;
  }

  /** No old or new secret value in the journals or in what rekey printed. */
  void assertNoSecretIn(RotationFixture fixture, List<String> newSecrets, Cli... runs)
      throws Exception {
    StringBuilder written = new StringBuilder();
    try (Stream<Path> files = Files.list(journals())) {
      for (Path file : files.toList()) {
        written.append(Files.readString(file));
      }
    }
    for (Cli run : runs) {
      written.append(run.out()).append(run.err());
    }
    assertThat(written).isNotEmpty();
    for (String secret :
        Stream.concat(fixture.oldSecrets().stream(), newSecrets.stream()).toList()) {
      assertThat(written.toString()).doesNotContain(secret);
    }
  }

  private static JsonNode json(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not a JSON log line: " + line, e);
    }
  }
}

package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rekey.rotators.Step;
import dev.rekey.rotators.journal.Journal;
import dev.rekey.rotators.journal.JournalEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
   * A finish revokes each credential only once its grace is over, however slow the machine: the
   * grace starts when the rotate run defers a credential's revoke and the journal records when it
   * falls due, so what each finish may do is judged from those times, not from a fixed sleep (a
   * heavily loaded machine can take longer than the grace for the rotate run itself).
   */
  @Test
  void finishRevokesOnlyOnceTheGracePeriodIsOver() throws Exception {
    RotationFixture fixture = RotationFixture.create(SERVERS, temp.resolve("repo"));
    Path report = fixture.scanReport(temp.resolve("report.json"));
    Cli run = rotate(report, "--grace", "3s");
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    Path journal = journals().resolve(runId(run) + ".jsonl");
    Map<String, Instant> due = revokesDue(journal);
    assertThat(due).as("one deferred revoke per credential").hasSize(3);
    Instant lastDue = Collections.max(due.values());
    assertThat(Instant.now()).as("the rotate run ended before its last grace").isBefore(lastDue);

    Cli early = finish(runId(run));
    assertThat(early.exitCode()).as("a revoke not yet due is held back").isEqualTo(1);

    Thread.sleep(Math.max(0, Duration.between(Instant.now(), lastDue).toMillis()) + 100);
    Cli late = finish(runId(run));
    assertThat(late.exitCode()).as(late.out() + late.err()).isZero();
    assertIamRotated(fixture, report);
    assertDatabasesRotated(fixture, report, true);
    for (JournalEntry entry : Journal.read(journal)) {
      String credential = entry.credential();
      if (Step.REVOKE.label().equals(entry.step())
          && JournalEntry.STARTED.equals(entry.phase())
          && credential != null) {
        assertThat(entry.time())
            .as("revoke of %s started after its grace", credential)
            .isAfterOrEqualTo(due.get(credential));
      }
    }
  }

  /** When each credential's deferred revoke falls due, by fingerprint, from a run's journal. */
  private static Map<String, Instant> revokesDue(Path journal) throws Exception {
    Map<String, Instant> due = new HashMap<>();
    for (JournalEntry entry : Journal.read(journal)) {
      String at = entry.get("due_at");
      if (JournalEntry.DEFERRED.equals(entry.phase()) && entry.credential() != null && at != null) {
        due.put(entry.credential(), Instant.parse(at));
      }
    }
    return due;
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

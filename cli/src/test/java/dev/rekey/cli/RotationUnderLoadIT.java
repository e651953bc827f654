package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.cli.load.DatabaseBackend;
import dev.rekey.cli.load.Figures;
import dev.rekey.cli.load.LoadApp;
import dev.rekey.cli.load.LoadHarness;
import dev.rekey.cli.load.LoadReport;
import dev.rekey.cli.load.SecretCache;
import dev.rekey.cli.load.SecretSource;
import dev.rekey.rotators.UsageCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rekey rotate} while an application serves a steady stream of requests with the credential
 * it reads from the store, against moto, PostgreSQL and MariaDB: not one request may fail. The
 * application re-reads the store when its credential is refused, as applications built on AWS's
 * secret-caching clients do, and otherwise re-reads it every second.
 */
class RotationUnderLoadIT {
  static final int RATE = 60;
  static final Duration TTL = Duration.ofSeconds(1);
  private static final ItServers SERVERS = new ItServers();

  @TempDir Path temp;

  @Test
  void iamAccessKeyRotatesWithoutAFailedRequest() throws Exception {
    LoadFixture.IamKeyInStore iam =
        LoadFixture.IamKeyInStore.create(SERVERS, "load", temp.resolve("report.jsonl"));

    LoadReport figures =
        underLoad(
            "iam", iam.stream(SERVERS, TTL), iam.report(), "--store", "aws-sm:" + iam.secret());

    assertThat(SERVERS.keys(iam.user()))
        .singleElement()
        .satisfies(k -> assertThat(k.accessKeyId()).isNotEqualTo(iam.key().accessKeyId()));
    assertSteadyAndClean(figures);
  }

  @Test
  void postgresAlternatingUsersRotateWithoutAFailedRequest() throws Exception {
    String url = postgresRoleWithATable();
    Path env = dotenv(url);
    LoadReport figures =
        underLoad(
            "postgres-alternating-users",
            databaseStream(SecretSource.dotenv(env), "SELECT count(*) FROM load_items"),
            databaseReport(url, "database.postgres-url", "PostgreSQL"),
            "--store",
            "dotenv:" + env);

    assertThat(ItServers.canLogin(url)).as("the leaked password is refused").isFalse();
    assertSteadyAndClean(figures);
  }

  /**
   * The single-user strategy has a window (the old password stops working at set, the store moves
   * at finish): measured, not hidden, and closed once the run is over.
   */
  @Test
  void postgresSingleUserHasAWindowThatTheHarnessMeasures() throws Exception {
    String url = postgresRoleWithATable();
    Path env = dotenv(url);
    LoadReport figures =
        underLoad(
            "postgres-single-user",
            databaseStream(SecretSource.dotenv(env), "SELECT count(*) FROM load_items"),
            databaseReport(url, "database.postgres-url", "PostgreSQL"),
            "--store",
            "dotenv:" + env,
            "--postgres-strategy",
            "single-user");

    assertThat(ItServers.canLogin(url)).isFalse();
    assertThat(figures.requests()).isPositive();
  }

  @Test
  void mariadbDualPasswordsRotateWithoutAFailedRequest() throws Exception {
    String db = "load_" + UUID.randomUUID().toString().substring(0, 8);
    String url = SERVERS.newMariadbUser() + db;
    String user = ItServers.user(url);
    SERVERS.mariadb(
        "CREATE DATABASE " + db,
        "CREATE TABLE " + db + ".items (n INT)",
        "INSERT INTO " + db + ".items VALUES (1)",
        "GRANT SELECT ON " + db + ".* TO '" + user + "'@'%'");
    String secret = "load/" + user;
    SERVERS.createSecret(secret, LoadFixture.payload(Map.of("DATABASE_URL", url)));
    LoadReport figures =
        underLoad(
            "mariadb",
            databaseStream(
                SecretSource.secretsManager(SERVERS::secretsManager, secret),
                "SELECT count(*) FROM items"),
            databaseReport(url, "database.mysql-url", "MySQL"),
            "--store",
            "aws-sm:" + secret);

    assertThat(ItServers.canLogin(url)).as("the old password is discarded").isFalse();
    assertSteadyAndClean(figures);
  }

  /**
   * Rotates the report's credentials to the end (finishing once a held revoke is let go) while the
   * harness drives {@code stream}; returns the harness's figures.
   */
  static LoadReport underLoad(String name, LoadApp.Stream stream, Path report, String... args)
      throws Exception {
    try (LoadHarness load = LoadHarness.start(Map.of(name, stream), RATE)) {
      load.awaitServed(RATE, Duration.ofSeconds(30));
      new LoadRotation(SERVERS.env(), report.resolveSibling("journals"))
          .rotateToTheEnd(report, TTL.plus(UsageCheck.QUIET), args);
      Thread.sleep(2 * TTL.toMillis()); // the application keeps serving after the run
      assertThat(load.serving(RATE)).as("serving after the run: %s", load.reports()).isTrue();
      LoadReport figures = load.stop().getFirst();
      Figures.record(name, figures);
      return figures;
    }
  }

  static void assertSteadyAndClean(LoadReport figures) {
    assertThat(figures.failures()).as(figures.toString()).isZero();
    assertThat(figures.rate()).as(figures.toString()).isGreaterThanOrEqualTo(50);
  }

  /** A new PostgreSQL role that may read a table of its own; returns its URL. */
  static String postgresRoleWithATable() throws Exception {
    String url = SERVERS.newPostgresRole();
    String role = ItServers.user(url);
    SERVERS.postgres(
        "CREATE TABLE IF NOT EXISTS load_items (n int)",
        "INSERT INTO load_items VALUES (1)",
        "GRANT SELECT ON load_items TO " + role);
    return url;
  }

  static LoadApp.Stream databaseStream(SecretSource source, String query) {
    return new LoadApp.Stream(
        new SecretCache(source, TTL),
        new DatabaseBackend(query, DatabaseBackend.Sessions.PER_REQUEST));
  }

  Path dotenv(String url) throws Exception {
    Path env = temp.resolve("app").resolve(".env");
    Files.createDirectories(env.getParent());
    Files.writeString(env, "DATABASE_URL=" + url + "\n");
    return env;
  }

  Path databaseReport(String url, String rule, String provider) throws Exception {
    return LoadFixture.databaseReport(temp.resolve("report.jsonl"), url, rule, provider);
  }
}

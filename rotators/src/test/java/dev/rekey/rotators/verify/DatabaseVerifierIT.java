package dev.rekey.rotators.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.rotators.RetryPolicy;
import dev.rekey.rotators.db.DatabaseUrl;
import dev.rekey.rotators.http.ProviderUrls;
import dev.rekey.rotators.testing.Credentials;
import dev.rekey.scanner.model.Verified.Status;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Database URLs verified with one login to the loopback PostgreSQL and MariaDB servers that {@code
 * scripts/test-servers.sh} starts: a right password is live, a wrong one revoked, an unreachable
 * host an error.
 */
class DatabaseVerifierIT {
  private static final DatabaseUrl PG = admin("REKEY_IT_PG_ADMIN_URL");
  private static final DatabaseUrl MARIADB = admin("REKEY_IT_MARIADB_ADMIN_URL");

  private static DatabaseUrl admin(String variable) {
    String url = System.getenv(variable);
    assertThat(url).as("%s: run the integration tests through ./test.sh", variable).isNotBlank();
    return DatabaseUrl.parse(url).orElseThrow();
  }

  private static VerificationRun run(boolean network) {
    return new VerificationRun(
        VerifierCatalog.builtIn(),
        new VerifySettings(
            ProviderUrls.defaults(),
            Duration.ofSeconds(3),
            2,
            network,
            CanaryList.builtIn(),
            new RetryPolicy(
                2,
                Duration.ofMillis(10),
                Duration.ofMillis(20),
                Duration.ofSeconds(1),
                RetryPolicy.Sleeper.REAL)));
  }

  @Test
  void postgresLoginDecidesLiveOrRevoked() throws Exception {
    String user = "v_" + UUID.randomUUID().toString().substring(0, 8);
    execute(PG, "CREATE ROLE " + user + " LOGIN PASSWORD 'Right" + user + "'");
    String base =
        "postgres://" + user + ":%s@" + PG.host() + ":" + PG.port() + "/postgres?sslmode=disable";

    assertThat(
            run(true)
                .verify(Credentials.of("database.postgres-url", base.formatted("Right" + user)))
                .status())
        .isEqualTo(Status.LIVE);
    assertThat(
            run(true)
                .verify(Credentials.of("database.postgres-url", base.formatted("Wrong" + user)))
                .status())
        .isEqualTo(Status.REVOKED);
    assertThat(
            run(false)
                .verify(Credentials.of("database.postgres-url", base.formatted("Right" + user)))
                .status())
        .isEqualTo(Status.UNKNOWN);
  }

  @Test
  void mariadbLoginDecidesLiveOrRevoked() throws Exception {
    String user = "v_" + UUID.randomUUID().toString().substring(0, 8);
    execute(MARIADB, "CREATE USER '" + user + "'@'%' IDENTIFIED BY 'Right" + user + "'");
    String base = "mysql://" + user + ":%s@" + MARIADB.host() + ":" + MARIADB.port() + "/";

    assertThat(
            run(true)
                .verify(Credentials.of("database.mysql-url", base.formatted("Right" + user)))
                .status())
        .isEqualTo(Status.LIVE);
    assertThat(
            run(true)
                .verify(Credentials.of("database.mysql-url", base.formatted("Wrong" + user)))
                .status())
        .isEqualTo(Status.REVOKED);
  }

  @Test
  void anUnreachableHostIsAnError() {
    var answer =
        run(true)
            .verify(Credentials.of("database.postgres-url", "postgres://app:pw@127.0.0.1:1/app"));
    assertThat(answer.status()).isEqualTo(Status.ERROR);
    assertThat(answer.reason()).doesNotContain(":pw@");
  }

  private static void execute(DatabaseUrl as, String sql) throws Exception {
    Properties properties = new Properties();
    properties.setProperty("user", as.user());
    properties.setProperty("password", Objects.requireNonNull(as.password()).reveal());
    try (Connection connection = DriverManager.getConnection(as.jdbcUrl(), properties);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}

package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.rotators.db.DatabaseUrl;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;

/**
 * The loopback servers {@code scripts/test-servers.sh} started (moto, PostgreSQL, MariaDB), read
 * from the {@code REKEY_IT_*} environment, and what the integration tests do on them directly.
 */
final class ItServers {
  static final String ADMIN_KEY = "AKIAADMINADMINADMIN1";
  static final String ADMIN_SECRET = "admin-secret-for-moto-only-000000000000";

  final String awsEndpoint = require("REKEY_IT_AWS_ENDPOINT");
  final DatabaseUrl pgAdmin = DatabaseUrl.parse(require("REKEY_IT_PG_ADMIN_URL")).orElseThrow();
  final DatabaseUrl mariadbAdmin =
      DatabaseUrl.parse(require("REKEY_IT_MARIADB_ADMIN_URL")).orElseThrow();

  private static String require(String name) {
    String value = System.getenv(name);
    assertThat(value).as("%s: run the integration tests through ./test.sh", name).isNotBlank();
    return value;
  }

  /** The environment a rekey run gets: admin AWS credentials and the endpoint. */
  Map<String, String> env() {
    return Map.of(
        "AWS_ACCESS_KEY_ID",
        ADMIN_KEY,
        "AWS_SECRET_ACCESS_KEY",
        ADMIN_SECRET,
        "AWS_REGION",
        "us-east-1",
        "AWS_ENDPOINT_URL",
        awsEndpoint,
        "NO_COLOR",
        "1",
        "REKEY_IT_PG_ADMIN_URL",
        pgAdmin.text(),
        "REKEY_IT_MARIADB_ADMIN_URL",
        mariadbAdmin.text());
  }

  IamClient iam() {
    return IamClient.builder()
        .endpointOverride(URI.create(awsEndpoint))
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ADMIN_KEY, ADMIN_SECRET)))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  SecretsManagerClient secretsManager() {
    return SecretsManagerClient.builder()
        .endpointOverride(URI.create(awsEndpoint))
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ADMIN_KEY, ADMIN_SECRET)))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  /** A new IAM user with one access key. */
  AccessKey newIamUser(String name) {
    try (IamClient iam = iam()) {
      iam.createUser(r -> r.userName(name));
      return iam.createAccessKey(r -> r.userName(name)).accessKey();
    }
  }

  List<AccessKeyMetadata> keys(String user) {
    try (IamClient iam = iam()) {
      return iam.listAccessKeys(r -> r.userName(user)).accessKeyMetadata();
    }
  }

  DescribeSecretResponse secret(String name) {
    try (SecretsManagerClient sm = secretsManager()) {
      return sm.describeSecret(r -> r.secretId(name));
    }
  }

  String secretValue(String name, String stage) {
    try (SecretsManagerClient sm = secretsManager()) {
      return sm.getSecretValue(r -> r.secretId(name).versionStage(stage)).secretString();
    }
  }

  /** A new PostgreSQL role that may log in, with a random password; returns its URL. */
  String newPostgresRole() throws SQLException {
    String role = "app_" + UUID.randomUUID().toString().substring(0, 8);
    String password = "Pg" + UUID.randomUUID().toString().replace("-", "");
    execute(pgAdmin, "CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
    return "postgres://"
        + role
        + ":"
        + password
        + "@"
        + pgAdmin.host()
        + ":"
        + pgAdmin.port()
        + "/postgres?sslmode=disable";
  }

  /** A new MariaDB account with no privileges, with a random password; returns its URL. */
  String newMariadbUser() throws SQLException {
    String user = "app_" + UUID.randomUUID().toString().substring(0, 8);
    String password = "My" + UUID.randomUUID().toString().replace("-", "");
    execute(mariadbAdmin, "CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'");
    return "mysql://"
        + user
        + ":"
        + password
        + "@"
        + mariadbAdmin.host()
        + ":"
        + mariadbAdmin.port()
        + "/";
  }

  /** The user name in a database URL. */
  static String user(String url) {
    return DatabaseUrl.parse(url).orElseThrow().user();
  }

  /** The password in a database URL. */
  static String password(String url) {
    return java.util.Objects.requireNonNull(DatabaseUrl.parse(url).orElseThrow().password())
        .reveal();
  }

  /** Whether a login with this URL's user and password succeeds. */
  static boolean canLogin(String url) {
    DatabaseUrl parsed = DatabaseUrl.parse(url).orElseThrow();
    Properties properties = new Properties();
    properties.setProperty("user", parsed.user());
    properties.setProperty(
        "password", java.util.Objects.requireNonNull(parsed.password()).reveal());
    try (Connection connection = DriverManager.getConnection(parsed.jdbcUrl(), properties)) {
      return connection.isValid(5);
    } catch (SQLException e) {
      return false;
    }
  }

  /** A new Secrets Manager secret whose {@code AWSCURRENT} version holds {@code json}. */
  void createSecret(String name, String json) {
    try (SecretsManagerClient sm = secretsManager()) {
      sm.createSecret(r -> r.name(name).secretString(json));
    }
  }

  /** Runs statements as the PostgreSQL admin. */
  void postgres(String... sql) throws SQLException {
    for (String statement : sql) {
      execute(pgAdmin, statement);
    }
  }

  /** Runs statements as the MariaDB admin. */
  void mariadb(String... sql) throws SQLException {
    for (String statement : sql) {
      execute(mariadbAdmin, statement);
    }
  }

  private static void execute(DatabaseUrl as, String sql) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", as.user());
    properties.setProperty("password", java.util.Objects.requireNonNull(as.password()).reveal());
    try (Connection connection = DriverManager.getConnection(as.jdbcUrl(), properties);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}

package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rekey.cli.load.DatabaseBackend;
import dev.rekey.cli.load.LoadApp;
import dev.rekey.cli.load.SecretCache;
import dev.rekey.cli.load.SecretSource;
import dev.rekey.cli.load.StsBackend;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;

/**
 * An IAM key, a PostgreSQL role and a MariaDB account that an application uses through Secrets
 * Manager ({@code PREFIX/RULE}), rotated again and again: each rotation starts from the values
 * current in the store, so one application serves across every rotation of a test.
 */
final class LoadChain {
  static final String IAM = "aws.access-key";
  static final String PG = "database.postgres-url";
  static final String MYSQL = "database.mysql-url";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ItServers servers;
  private final String prefix = "chain-" + UUID.randomUUID().toString().substring(0, 8);
  private final String iamUser = prefix;

  private LoadChain(ItServers servers) {
    this.servers = servers;
  }

  /** Creates the credentials and stores them as current. */
  static LoadChain create(ItServers servers) throws Exception {
    LoadChain chain = new LoadChain(servers);
    AccessKey key = servers.newIamUser(chain.iamUser);
    servers.createSecret(
        chain.secret(IAM),
        LoadFixture.payload(
            Map.of(
                "AWS_ACCESS_KEY_ID", key.accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", key.secretAccessKey())));
    String pg = RotationUnderLoadIT.postgresRoleWithATable();
    servers.createSecret(chain.secret(PG), LoadFixture.payload(Map.of("DATABASE_URL", pg)));
    String mysql = servers.newMariadbUser();
    servers.createSecret(chain.secret(MYSQL), LoadFixture.payload(Map.of("DATABASE_URL", mysql)));
    return chain;
  }

  /** {@code --store} for rotations into the chain's secrets. */
  String store() {
    return "aws-sm:" + prefix + "/{rule}";
  }

  String secret(String rule) {
    return prefix + "/" + rule;
  }

  /** The application's streams: STS with the key, a query on each database. */
  Map<String, LoadApp.Stream> streams() {
    Map<String, LoadApp.Stream> streams = new LinkedHashMap<>();
    streams.put(
        "iam",
        new LoadApp.Stream(cache(IAM), new StsBackend(URI.create(servers.awsEndpoint), iamUser)));
    streams.put(
        "postgres",
        new LoadApp.Stream(
            cache(PG),
            new DatabaseBackend(
                "SELECT count(*) FROM load_items", DatabaseBackend.Sessions.PER_REQUEST)));
    streams.put(
        "mariadb",
        new LoadApp.Stream(
            cache(MYSQL), new DatabaseBackend("SELECT 1", DatabaseBackend.Sessions.PER_REQUEST)));
    return streams;
  }

  private SecretCache cache(String rule) {
    return new SecretCache(
        SecretSource.secretsManager(servers::secretsManager, secret(rule)),
        RotationUnderLoadIT.TTL);
  }

  /** The values now current, by rule. */
  Map<String, JsonNode> current() throws Exception {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    for (String rule : List.of(IAM, PG, MYSQL)) {
      values.put(rule, JSON.readTree(servers.secretValue(secret(rule), "AWSCURRENT")));
    }
    return values;
  }

  /** A report of the current credentials, as a scan with {@code --show-secrets} writes it. */
  static Path report(Path file, Map<String, JsonNode> current) throws Exception {
    return LoadFixture.report(
        file,
        List.of(
            LoadFixture.finding(
                IAM,
                "AWS",
                "access-key",
                at(current, IAM, "AWS_SECRET_ACCESS_KEY"),
                Map.of("aws.access_key_id", at(current, IAM, "AWS_ACCESS_KEY_ID"))),
            LoadFixture.databaseFinding(at(current, PG, "DATABASE_URL"), PG, "PostgreSQL"),
            LoadFixture.databaseFinding(at(current, MYSQL, "DATABASE_URL"), MYSQL, "MySQL")));
  }

  /** Entry {@code entry} of rule {@code rule}'s value; empty when missing. */
  static String at(Map<String, JsonNode> values, String rule, String entry) {
    JsonNode value = values.get(rule);
    return value == null ? "" : value.path(entry).asText();
  }

  /**
   * Every credential of {@code before} was replaced: new values current that work, old ones
   * refused, the IAM user down to the one new key. Returns every secret value, old and new.
   */
  List<String> assertRotatedFrom(Map<String, JsonNode> before) throws Exception {
    Map<String, JsonNode> after = current();
    List<String> secrets = new ArrayList<>();
    List<AccessKeyMetadata> keys = servers.keys(iamUser);
    assertThat(keys).hasSize(1);
    assertThat(keys.getFirst().accessKeyId())
        .isEqualTo(at(after, IAM, "AWS_ACCESS_KEY_ID"))
        .isNotEqualTo(at(before, IAM, "AWS_ACCESS_KEY_ID"));
    secrets.add(at(before, IAM, "AWS_SECRET_ACCESS_KEY"));
    secrets.add(at(after, IAM, "AWS_SECRET_ACCESS_KEY"));
    for (String rule : List.of(PG, MYSQL)) {
      String old = at(before, rule, "DATABASE_URL");
      String now = at(after, rule, "DATABASE_URL");
      assertThat(now).isNotEqualTo(old);
      assertThat(ItServers.canLogin(now)).as("new %s works", rule).isTrue();
      assertThat(ItServers.canLogin(old)).as("old %s refused", rule).isFalse();
      secrets.add(ItServers.password(old));
      secrets.add(ItServers.password(now));
    }
    return secrets;
  }
}

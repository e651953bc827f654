package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.cli.load.DatabaseBackend;
import dev.rekey.cli.load.Figures;
import dev.rekey.cli.load.HttpBackend;
import dev.rekey.cli.load.LoadApp;
import dev.rekey.cli.load.LoadHarness;
import dev.rekey.cli.load.LoadReport;
import dev.rekey.cli.load.SecretCache;
import dev.rekey.cli.load.SecretSource;
import dev.rekey.rotators.UsageCheck;
import dev.rekey.rotators.testing.FakeOpenAi;
import dev.rekey.rotators.testing.KeyBook;
import dev.rekey.rotators.testing.LoopbackProviders;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;

/**
 * Revoke never takes away a credential an application still holds: while the harness's application
 * keeps the old credential (a cache that lives an hour, as AWS's caching clients default to; a
 * connection pool's session), {@code rekey rotate} and {@code --finish} stop with the evidence and
 * the old credential keeps working; once the application lets go (re-reads the store), {@code
 * --finish} revokes it. Not one request fails.
 */
class InUseRevokeIT {
  private static final ItServers SERVERS = new ItServers();
  private static final Duration HOLD = Duration.ofHours(1);

  @TempDir Path temp;

  @Test
  void iamKeyInUseIsHeldUntilTheApplicationLetsGo() throws Exception {
    LoadFixture.IamKeyInStore iam =
        LoadFixture.IamKeyInStore.create(SERVERS, "hold", temp.resolve("report.jsonl"));

    heldUntilLetGo(
        "iam",
        iam.stream(SERVERS, HOLD),
        iam.report(),
        "was used at",
        () -> SERVERS.keys(iam.user()).size() == 2,
        SERVERS.env(),
        "--store",
        "aws-sm:" + iam.secret());

    assertThat(SERVERS.keys(iam.user()))
        .singleElement()
        .extracting(AccessKeyMetadata::accessKeyId)
        .isNotEqualTo(iam.key().accessKeyId());
  }

  @Test
  void postgresRoleWithASessionIsHeldUntilThePoolLetsGo() throws Exception {
    String url = RotationUnderLoadIT.postgresRoleWithATable();
    String secret = "hold/" + ItServers.user(url);
    SERVERS.createSecret(secret, LoadFixture.payload(Map.of("DATABASE_URL", url)));
    heldUntilLetGo(
        "postgres-alternating-users",
        heldSession(secret, "SELECT count(*) FROM load_items"),
        databaseReport(url, "database.postgres-url", "PostgreSQL"),
        "session(s) of role " + ItServers.user(url),
        () -> ItServers.canLogin(url),
        SERVERS.env(),
        "--store",
        "aws-sm:" + secret);

    assertThat(ItServers.canLogin(url)).isFalse();
  }

  @Test
  void mariadbAccountWithAnOldSessionIsHeldUntilThePoolLetsGo() throws Exception {
    String url = SERVERS.newMariadbUser();
    String secret = "hold/" + ItServers.user(url);
    SERVERS.createSecret(secret, LoadFixture.payload(Map.of("DATABASE_URL", url)));
    heldUntilLetGo(
        "mariadb",
        heldSession(secret, "SELECT 1"),
        databaseReport(url, "database.mysql-url", "MySQL"),
        "from before the new password",
        () -> ItServers.canLogin(url),
        SERVERS.env(),
        "--store",
        "aws-sm:" + secret);

    assertThat(ItServers.canLogin(url)).isFalse();
  }

  @Test
  void openAiKeyInUseIsHeldUntilTheApplicationLetsGo() throws Exception {
    FakeOpenAi openai = new FakeOpenAi("proj_app");
    try (LoopbackProviders servers = LoopbackProviders.start(openai)) {
      KeyBook.Key leaked = openai.addKey("proj_app", "sk-svcacct-", "svc_acct_web");
      String secret = "hold/openai-" + leaked.id;
      SERVERS.createSecret(
          secret, LoadFixture.payload(Map.of("OPENAI_SERVICE_ACCOUNT_KEY", leaked.secret)));
      String models = servers.base("openai") + "/v1/models";
      LoadApp.Stream stream =
          new LoadApp.Stream(
              new SecretCache(SecretSource.secretsManager(SERVERS::secretsManager, secret), HOLD),
              new HttpBackend(
                  s ->
                      HttpRequest.newBuilder(URI.create(models))
                          .header("Authorization", "Bearer " + s.get("OPENAI_SERVICE_ACCOUNT_KEY"))
                          .build()));
      Path report =
          LoadFixture.report(
              temp.resolve("report.jsonl"),
              List.of(
                  LoadFixture.finding(
                      "openai.service-account-key",
                      "OpenAI",
                      "service-account-key",
                      leaked.secret,
                      Map.of())));
      Map<String, String> env = new HashMap<>(SERVERS.env());
      env.put("OPENAI_ADMIN_KEY", openai.adminKey);
      List<String> args = new ArrayList<>(List.of("--store", "aws-sm:" + secret));
      args.addAll(ProviderFixture.urlArgs(servers.urlOverrides()));

      heldUntilLetGo(
          "openai",
          stream,
          report,
          "was used at",
          () -> openai.keys.byId(leaked.id).isPresent(),
          env,
          args.toArray(String[]::new));

      assertThat(openai.keys.byId(leaked.id)).isEmpty();
    }
  }

  /**
   * Drives {@code stream}, which holds the old credential; rotates (held), finishes (held again),
   * lets the application go, finishes (revoked). The old credential works until the last run.
   */
  private void heldUntilLetGo(
      String name,
      LoadApp.Stream stream,
      Path report,
      String evidence,
      BooleanSupplier oldWorks,
      Map<String, String> env,
      String... args)
      throws Exception {
    LoadRotation rotation = new LoadRotation(env, temp.resolve("journals"));
    try (LoadHarness load = LoadHarness.start(Map.of(name, stream), RotationUnderLoadIT.RATE)) {
      load.awaitServed(RotationUnderLoadIT.RATE, Duration.ofSeconds(30));
      Cli first = rotation.rotate(report, args);
      assertHeld(first, evidence);
      assertThat(oldWorks.getAsBoolean()).as("the old credential still works").isTrue();
      Cli again = rotation.finish(RotationIT.runId(first));
      assertHeld(again, evidence);
      assertThat(oldWorks.getAsBoolean()).isTrue();

      load.cache(name).refresh(); // the application lets go: a redeploy, a cache refresh
      Thread.sleep(UsageCheck.QUIET.plusSeconds(1).toMillis());
      Cli last = rotation.finish(RotationIT.runId(first));

      assertThat(last.exitCode()).as(last.out() + last.err()).isZero();
      assertThat(oldWorks.getAsBoolean()).as("the old credential is revoked").isFalse();
      LoadReport figures = load.stop().getFirst();
      Figures.record(name + " held until let go", figures);
      assertThat(figures.failures()).as(figures.toString()).isZero();
    }
  }

  private static void assertHeld(Cli run, String evidence) {
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.FINDINGS);
    assertThat(run.out())
        .contains("still in use, so it is not revoked")
        .contains(evidence)
        .contains("rekey rotate --finish");
  }

  private static LoadApp.Stream heldSession(String secret, String query) {
    return new LoadApp.Stream(
        new SecretCache(SecretSource.secretsManager(SERVERS::secretsManager, secret), HOLD),
        new DatabaseBackend(query, DatabaseBackend.Sessions.HELD));
  }

  private Path databaseReport(String url, String rule, String provider) throws Exception {
    return LoadFixture.databaseReport(temp.resolve("report.jsonl"), url, rule, provider);
  }
}

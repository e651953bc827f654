package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rekey.detectors.SecretValue;
import dev.rekey.rotators.testing.AwsKeyIds;
import dev.rekey.rotators.testing.FakeAnthropic;
import dev.rekey.rotators.testing.FakeGitHub;
import dev.rekey.rotators.testing.FakeOpenAi;
import dev.rekey.rotators.testing.FakeStripe;
import dev.rekey.rotators.testing.FakeSts;
import dev.rekey.rotators.testing.KeyBook;
import dev.rekey.rotators.testing.LoopbackProviders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rekey scan --verify} on a fixture whose keys are live or revoked on the loopback
 * providers: every finding is marked as its provider answers, canary tokens are never touched, and
 * {@code --verify-only-live} keeps only the live ones.
 */
class ScanVerifyIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FakeOpenAi openai = new FakeOpenAi("proj_1");
  private final FakeAnthropic anthropic = new FakeAnthropic();
  private final FakeStripe stripe = new FakeStripe();
  private final FakeGitHub github = new FakeGitHub();
  private final FakeSts sts = new FakeSts();
  private LoopbackProviders servers;

  @TempDir Path temp;

  /** Fingerprint of each planted key, and the status its provider gives it. */
  private final Map<String, String> expected = new HashMap<>();

  @BeforeEach
  void start() throws Exception {
    servers = LoopbackProviders.start(openai, anthropic, stripe, github, sts);
  }

  @AfterEach
  void stop() {
    servers.close();
  }

  private Path fixture() throws Exception {
    Map<String, String> env = new LinkedHashMap<>();
    plant(
        env,
        "OPENAI_API_KEY",
        "openai.api-key",
        openai.addKey("proj_1", "sk-proj-", "user_1"),
        true);
    plant(
        env,
        "OPENAI_OLD_KEY",
        "openai.api-key",
        openai.addKey("proj_1", "sk-proj-", "user_1"),
        false);
    plant(env, "ANTHROPIC_API_KEY", "anthropic.api-key", anthropic.addKey(), true);
    plant(env, "ANTHROPIC_OLD_KEY", "anthropic.api-key", anthropic.addKey(), false);
    plant(env, "STRIPE_SECRET_KEY", "stripe.secret-key", stripe.addKey(), true);
    plant(
        env,
        "GITHUB_TOKEN",
        "github.personal-access-token",
        github.tokens.add("t1", KeyBook.githubToken("ghp_"), "ci"),
        true);
    plant(
        env,
        "GH_OLD_TOKEN",
        "github.personal-access-token",
        github.tokens.add("t2", KeyBook.githubToken("ghp_"), "ci"),
        false);
    String keyId = AwsKeyIds.forAccount("123456789012");
    String secret = KeyBook.random(40);
    sts.users.put(keyId, "ci-deploy");
    env.put("AWS_ACCESS_KEY_ID", keyId);
    env.put("AWS_SECRET_ACCESS_KEY", secret);
    expected.put(SecretValue.of(secret).fingerprint("aws.access-key"), "live");
    return ProviderFixture.create(temp.resolve("repo"), env);
  }

  private void plant(
      Map<String, String> env, String name, String rule, KeyBook.Key key, boolean live) {
    key.live = live;
    env.put(name, key.secret);
    expected.put(SecretValue.of(key.secret).fingerprint(rule), live ? "live" : "revoked");
  }

  private Cli scan(Path repo, String... extra) {
    List<String> args = new ArrayList<>(List.of("scan", repo.toString()));
    args.addAll(List.of(extra));
    if (!args.contains("--format")) {
      args.addAll(List.of("--format", "json"));
    }
    args.addAll(ProviderFixture.urlArgs(servers.urlOverrides()));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void marksLiveAndRevokedKeysAsTheirProvidersAnswer() throws Exception {
    Path repo = fixture();

    Cli run = scan(repo, "--verify");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    Map<String, String> actual = new HashMap<>();
    for (JsonNode finding : JSON.readTree(run.out()).get("findings")) {
      actual.put(
          finding.get("fingerprint").asText(), finding.path("verified").path("status").asText());
      assertThat(finding.path("verified").path("reason").asText()).isNotBlank();
    }
    assertThat(actual).containsAllEntriesOf(expected);
    assertThat(run.out() + run.err()).doesNotContain(openai.keys.all().getFirst().secret);
  }

  @Test
  void onlyLiveKeepsTheLiveFindings() throws Exception {
    Path repo = fixture();

    Cli run = scan(repo, "--verify-only-live");

    List<String> statuses = new ArrayList<>();
    JSON.readTree(run.out())
        .get("findings")
        .forEach(f -> statuses.add(f.path("verified").path("status").asText()));
    assertThat(statuses)
        .hasSize((int) expected.values().stream().filter("live"::equals).count())
        .containsOnly("live");
  }

  @Test
  void neverCallsTheProviderOfACanaryToken() throws Exception {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_ACCESS_KEY_ID", AwsKeyIds.forAccount("992382622183"));
    env.put("AWS_SECRET_ACCESS_KEY", KeyBook.random(40));
    Path repo = ProviderFixture.create(temp.resolve("canary"), env);

    Cli run = scan(repo, "--verify", "--format", "text");

    assertThat(run.out()).contains("verified     unknown: not checked").contains("canary");
    assertThat(servers.requests()).isEmpty();
  }

  @Test
  void withoutVerifyNothingReachesTheNetwork() throws Exception {
    Path repo = fixture();
    Cli run = scan(repo);
    assertThat(run.out()).doesNotContain("\"verified\"");
    assertThat(servers.requests()).isEmpty();
  }

  @Test
  void anUnknownProviderNameIsAUsageError() throws Exception {
    Cli run =
        Cli.run("scan", temp.toString(), "--verify", "--provider-url", "nosuch=http://127.0.0.1:1");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown provider 'nosuch'");
  }
}

package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.rotators.testing.FakeOpenAi;
import dev.rekey.rotators.testing.LoopbackProviders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, item 1: provider URLs come only from the user. A scanned repository's {@code
 * .rekey.toml} that points a provider at its own server (the "catcher") is ignored with a warning
 * naming the file and line; what the user chose is announced before any call.
 */
class ProviderUrlTrustTest {
  private final FakeOpenAi openai = new FakeOpenAi("proj_1");
  private LoopbackProviders official;
  private LoopbackProviders catcher;

  @TempDir Path temp;

  @BeforeEach
  void start() throws Exception {
    official = LoopbackProviders.start(openai);
    catcher = LoopbackProviders.start();
  }

  @AfterEach
  void stop() {
    official.close();
    catcher.close();
  }

  private Path repository() throws Exception {
    Path repo = Files.createDirectories(temp.resolve("repo"));
    String key = openai.addKey("proj_1", "sk-proj-", "user_1").secret;
    Files.writeString(repo.resolve("app.env"), "OPENAI_API_KEY=" + key + "\n");
    Files.writeString(
        repo.resolve(".rekey.toml"),
        "# a hostile repository\n[providers.openai]\nurl = \"" + catcher.base("openai") + "\"\n");
    return repo;
  }

  @Test
  void aRepositoryCannotRedirectVerification() throws Exception {
    Path repo = repository();

    Cli run =
        Cli.run(
            "scan",
            repo.toString(),
            "--verify",
            "--provider-url",
            "openai=" + official.base("openai"));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(catcher.requests()).isEmpty();
    assertThat(official.calls("openai")).hasSize(1);
    assertThat(run.out()).contains("verified     live");
    assertThat(run.err())
        .contains(
            repo.resolve(".rekey.toml")
                + ":3: [providers.openai] ignored: a repository's configuration cannot choose")
        .contains(
            "providers not at their official address: openai at "
                + official.base("openai")
                + " (from --provider-url)");
  }

  @Test
  void theUsersOwnConfigurationChoosesAndIsNamed() throws Exception {
    Path repo = repository();
    Path config = Files.createDirectories(temp.resolve("xdg-config/rekey"));
    Files.writeString(
        config.resolve("config.toml"),
        "[providers.openai]\nurl = \"" + official.base("openai") + "\"\n");

    Cli run =
        Cli.runWithEnv(
            Map.of("NO_COLOR", "1", "XDG_CONFIG_HOME", temp.resolve("xdg-config").toString()),
            "scan",
            repo.toString(),
            "--verify");

    assertThat(catcher.requests()).isEmpty();
    assertThat(official.calls("openai")).hasSize(1);
    assertThat(run.err())
        .contains(
            "openai at " + official.base("openai") + " (from " + config.resolve("config.toml"));
  }

  @Test
  void aFileTheUserNamesWithConfigMaySetThem() throws Exception {
    Path repo = repository();
    Path named = temp.resolve("mine.toml");
    Files.writeString(named, "[providers.openai]\nurl = \"" + official.base("openai") + "\"\n");

    Cli run = Cli.run("scan", repo.toString(), "--verify", "--config", named.toString());

    assertThat(catcher.requests()).isEmpty();
    assertThat(official.calls("openai")).hasSize(1);
    assertThat(run.err()).contains("(from " + named + ")");
  }

  @Test
  void plainHttpBeyondLoopbackIsRefusedBeforeAnyWork() throws Exception {
    Cli run =
        Cli.run(
            "scan",
            repository().toString(),
            "--verify",
            "--provider-url",
            "openai=http://api.openai.example");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--provider-url: provider openai").contains("plain http");
  }

  /** Issue 11, item 11: an unknown provider is an error naming the file, before any scan. */
  @Test
  void anUnknownProviderInANamedFileStopsRekeyBeforeTheScan() throws Exception {
    Path named = temp.resolve("mine.toml");
    Files.writeString(named, "[providers.gitlba]\nurl = \"https://gitlab.example.com\"\n");
    Path report = temp.resolve("report.json");

    Cli run =
        Cli.run(
            "scan",
            repository().toString(),
            "--verify",
            "--config",
            named.toString(),
            "--format",
            "json",
            "--output",
            report.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(named + ": unknown provider 'gitlba' for a base URL: use one of")
        .doesNotContain("internal error");
    assertThat(report).doesNotExist();
    assertThat(official.requests()).isEmpty();
  }

  @Test
  void rotateIgnoresTheRepositorysUrlsToo() throws Exception {
    Cli run = Cli.run("rotate", repository().toString(), "--dry-run");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains(":3: [providers.openai] ignored");
    assertThat(catcher.requests()).isEmpty();
  }

  @Test
  void aCustomRuleCannotSendAnotherProvidersSecretToAProvider() throws Exception {
    Path repo = Files.createDirectories(temp.resolve("custom"));
    String key = openai.addKey("proj_1", "sk-proj-", "user_1").secret;
    Files.writeString(repo.resolve("a.txt"), "acme " + key + "\n");
    Files.writeString(
        repo.resolve(".rekey.toml"),
        """
        [detectors]
        disable = ["openai.api-key"]
        [[rules]]
        id = "openai.custom"
        keywords = ["acme"]
        pattern = '''acme (sk-proj-[A-Za-z0-9_-]+)'''
        """);

    Cli run =
        Cli.run(
            "scan",
            repo.toString(),
            "--verify",
            "--provider-url",
            "openai=" + official.base("openai"));

    assertThat(official.requests()).isEmpty();
    assertThat(run.out()).contains("openai.custom is a custom rule");
  }
}

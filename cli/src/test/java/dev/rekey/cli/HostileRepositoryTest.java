package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rekey.detectors.SecretValue;
import dev.rekey.rotators.http.ProviderUrls;
import dev.rekey.rotators.testing.LoopbackProviders;
import dev.rekey.scanner.config.ConfigReader;
import dev.rekey.scanner.git.RecordKey;
import dev.rekey.scanner.pipeline.ScanSettings;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, done when: {@code test-repos/hostile} combines every attack — a configuration that
 * points providers at a catcher, links out of the repository, a FIFO, a forged record of scanned
 * blobs, a catastrophically backtracking rule, escape sequences in names, a baseline that would
 * hide everything — and a scan with {@code --verify} and {@code rotate --dry-run} still report
 * every real secret, send nothing to the catcher, read and write nothing outside the repository,
 * end within their deadlines, and print no raw secret and no control character.
 */
class HostileRepositoryTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The fixture's real secrets, each to be reported by at least one rule. */
  private static final List<String> SECRETS =
      List.of(
          "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",
          "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",
          "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",
          "AIza7D6h0VnpUutZY4bzc0yCLdtl0CTq-6aWPv0");

  /** The user's own token, outside the repository. */
  private static final String USERS_TOKEN = "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";

  @TempDir Path temp;

  private LoopbackProviders catcher;
  private LoopbackProviders official;
  private Path repo;
  private Path home;
  private Path userConfig;
  private Map<Path, String> outside;

  @BeforeEach
  void build() throws Exception {
    catcher = LoopbackProviders.start();
    official = LoopbackProviders.start();
    repo = temp.resolve("hostile");
    Path script = Fixtures.testRepos().resolve("hostile/build.sh");
    ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), repo.toString());
    String catcherUrl = catcher.base("x");
    builder
        .environment()
        .put("REKEY_CATCHER_URL", catcherUrl.substring(0, catcherUrl.length() - 2));
    Process process = builder.redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    home = plantHome();
    userConfig = userConfig();
    forgeScanRecord();
    outside = snapshot(home);
  }

  @AfterEach
  void stop() {
    catcher.close();
    official.close();
  }

  /** The user's files the links point at: a token, and a baseline that would hide every secret. */
  private Path plantHome() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("hostile-home/.config/gh"));
    Files.writeString(
        dir.resolve("hosts.yml"), "github.com:\n  oauth_token: " + USERS_TOKEN + "\n");
    StringBuilder hiding = new StringBuilder("{\"version\": 1, \"findings\": [");
    List<String> entries = new ArrayList<>();
    for (String rule : ConfigReader.forRoot(repo).rules().stream().map(r -> r.id()).toList()) {
      for (String secret : SECRETS) {
        entries.add("{\"fingerprint\": \"" + SecretValue.of(secret).fingerprint(rule) + "\"}");
      }
    }
    hiding.append(String.join(",", entries)).append("]}\n");
    Path planted = temp.resolve("hostile-home");
    Files.writeString(planted.resolve(".bashrc"), hiding);
    return planted;
  }

  /** What an archived .git could carry: every blob recorded as scanned clean, under rekey's key. */
  private void forgeScanRecord() throws Exception {
    String key =
        RecordKey.of(ConfigReader.forRoot(repo).rules(), ScanSettings.DEFAULT_MAX_BLOB_BYTES);
    Process list =
        new ProcessBuilder("git", "rev-list", "--objects", "--all")
            .directory(repo.toFile())
            .start();
    List<String> ids =
        new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
            .lines()
            .map(line -> line.split(" ")[0])
            .toList();
    Path record = Files.createDirectories(repo.resolve(".git/rekey")).resolve("scanned-blobs");
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(record))) {
      out.write("REKEYSB1".getBytes(StandardCharsets.US_ASCII));
      out.writeUTF(key);
      out.writeInt(ids.size());
      for (String id : ids) {
        out.write(HexFormat.of().parseHex(id));
      }
    }
  }

  private static Map<Path, String> snapshot(Path dir) throws Exception {
    Map<Path, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        FileTime time = Files.getLastModifiedTime(file);
        files.put(file, time + "\n" + Files.readString(file));
      }
    }
    return files;
  }

  /**
   * The user's own configuration, the lowest-ranked place a provider URL may come from, sends every
   * provider to the stand-in for its official address: were the repository's tables taken at any
   * rank, the catcher would hear from rekey.
   */
  private Path userConfig() throws Exception {
    StringBuilder toml = new StringBuilder();
    for (String name : ProviderUrls.DEFAULTS.keySet()) {
      toml.append("[providers.")
          .append(name)
          .append("]\nurl = \"")
          .append(official.base(name))
          .append("\"\n");
    }
    Path dir = Files.createDirectories(home.resolve(".config/rekey"));
    return Files.writeString(dir.resolve("config.toml"), toml);
  }

  private Cli run(String... args) {
    Map<String, String> env =
        Map.of("NO_COLOR", "1", "XDG_CONFIG_HOME", home.resolve(".config").toString());
    return assertTimeoutPreemptively(Duration.ofMinutes(3), () -> Cli.runWithEnv(env, args));
  }

  @Test
  void aVerifiedScanReportsEverySecretAndIsRedirectedHiddenAndExfiltratedNowhere()
      throws Exception {
    Cli scan =
        run("scan", repo.toString(), "--verify", "--verify-timeout", "2s", "--format", "json");

    assertThat(scan.exitCode()).as("the slow rule and the baseline are errors").isEqualTo(2);
    assertThat(catcher.requests()).isEmpty();
    JsonNode report = JSON.readTree(scan.out());
    for (String secret : SECRETS) {
      assertThat(report.get("findings"))
          .as("a finding of " + SecretValue.of(secret))
          .anySatisfy(
              f ->
                  assertThat(f.get("fingerprint").asText())
                      .isEqualTo(SecretValue.of(secret).fingerprint(f.get("rule").asText())));
    }
    assertThat(scan.out())
        .contains("rule hostile.slow")
        .contains("pipe.env")
        .contains("a special file (FIFO, device or socket): not read")
        .contains("a symbolic link to outside the scanned folder: not read")
        .contains("reached through a link to outside the scanned folder: not read")
        .contains("github.stolen is a custom rule");
    assertThat(scan.err())
        .contains("baseline not applied")
        .contains("[providers.openai] ignored")
        .contains("openai at " + official.base("openai") + " (from " + userConfig + ")");
    assertThat(official.requests())
        .as("the secrets were verified where the user said")
        .isNotEmpty();
    assertInert(scan);
    assertThat(snapshot(home)).isEqualTo(outside);
  }

  @Test
  void textReportsUpdatesAndRotationPlansStayInsideAndInert() throws Exception {
    Cli text = run("scan", repo.toString());
    Cli update = run("scan", repo.toString(), "--update-baseline");
    Cli rotate = run("rotate", repo.toString(), "--dry-run");

    assertThat(text.exitCode()).isEqualTo(2);
    assertThat(text.out()).contains("Mallory\\x1b[2J").contains("notes\\x1b]0;pwned\\x07.md");
    assertThat(update.exitCode()).isEqualTo(2);
    assertThat(rotate.exitCode())
        .as("a plan made from an incomplete scan is an error, as the scan is: " + rotate.err())
        .isEqualTo(2);
    assertThat(rotate.out()).contains("Dry run: nothing was changed.");
    assertThat(rotate.err())
        .as("rotate says what the scan of its source could not do")
        .contains("[providers.openai] ignored")
        .contains("rule hostile.slow: gave up on")
        .contains("could not be scanned (above): a credential there is in none of these plans");
    for (Cli run : List.of(text, update, rotate)) {
      assertInert(run);
    }
    assertThat(catcher.requests()).isEmpty();
    assertThat(snapshot(home)).isEqualTo(outside);
    assertThat(Files.isSymbolicLink(repo.resolve(".rekey-baseline.json"))).isTrue();
    try (Stream<Path> left = Files.list(temp)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .as("nothing written beside the repository")
          .containsExactlyInAnyOrder("hostile", "hostile-home");
    }
  }

  /** No secret in full, not the user's token, and no character a terminal would act on. */
  private static void assertInert(Cli run) {
    String all = run.out() + run.err();
    for (String secret : SECRETS) {
      assertThat(all).doesNotContain(secret);
    }
    assertThat(all).doesNotContain(USERS_TOKEN).doesNotContain("ghp_QQLS");
    all.codePoints()
        .filter(c -> c != '\n' && c != '\t')
        .forEach(
            c ->
                assertThat(c < 0x20 || (c >= 0x7f && c <= 0x9f))
                    .as("control character U+%04X in output", c)
                    .isFalse());
  }
}

package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rekey scan} on git histories: URLs, ranges, the JSON report's history fields. */
class HistoryScanTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  @Test
  void aGitUrlIsClonedIntoATemporaryFolderScannedAndDeleted() throws Exception {
    Path repo = Fixtures.build("history", temp.resolve("repo"));
    Path served = Files.createDirectories(temp.resolve("served"));
    git(temp, "clone", "-q", "--mirror", repo.toString(), served.resolve("repo.git").toString());
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process daemon =
        new ProcessBuilder(
                "git",
                "daemon",
                "--reuseaddr",
                "--listen=127.0.0.1",
                "--port=" + port,
                "--base-path=" + served,
                "--export-all",
                served.toString())
            .redirectErrorStream(true)
            .redirectOutput(temp.resolve("daemon.log").toFile())
            .start();
    try {
      awaitPort(port);
      List<Path> before = clones();
      Cli result = Cli.run("scan", "git://127.0.0.1:" + port + "/repo.git", "--format", "jsonl");
      assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
      assertThat(rules(result.out()))
          .as("the history's findings; a clone has no working tree")
          .hasSize(9)
          .contains("stripe.secret-key", "openai.api-key", "aws.access-key")
          .doesNotContain("github.oauth-token");
      assertThat(clones()).as("the temporary clone is deleted").isEqualTo(before);
    } finally {
      daemon.destroy();
      daemon.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void anUnreachableUrlIsAnErrorNamingIt() {
    Cli result = Cli.run("scan", "git://127.0.0.1:1/nothing.git");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("git://127.0.0.1:1/nothing.git: cannot clone");
  }

  @Test
  void theJsonReportSaysHowFarEachSecretSpread() throws Exception {
    Path repo = Fixtures.build("history", temp.resolve("repo"));
    Cli result = Cli.run("scan", repo.toString(), "--format", "json");
    JsonNode stripe = find(JSON.readTree(result.out()).get("findings"), "stripe.secret-key");
    assertThat(stripe.get("source").asText())
        .as("the most exposed place first: still in the working tree")
        .isEqualTo("worktree");
    assertThat(stripe.at("/first_commit/id").asText())
        .isEqualTo("cbf3ab63fbdb68693641bd50ad72bb6f4e9591fd");
    assertThat(stripe.at("/first_commit/author").asText()).isEqualTo("Bob Leaker");
    assertThat(stripe.at("/first_commit/path").asText()).isEqualTo(".env");
    assertThat(stripe.get("commit_count").asInt()).isEqualTo(5);
    assertThat(stripe.get("default_branch").asText()).isEqualTo("main");
    assertThat(stripe.get("at_default_branch_tip").asBoolean()).isTrue();
    assertThat(texts(stripe.get("paths"))).containsExactly(".env", "scripts/billing.sh");
    assertThat(texts(stripe.get("refs")))
        .containsExactly(
            "refs/heads/feature/payments",
            "refs/heads/main",
            "refs/stash",
            "refs/tags/release-candidate");
    assertThat(result.err()).as("no progress line when stderr is not a terminal").isEmpty();
  }

  @Test
  void sinceAndRangeScanOnlyWhatTheCommitsIntroduced() throws Exception {
    Path repo = Fixtures.build("history", temp.resolve("repo"));
    String from = "49f2475e24c98a6064137d73494a79979d4bd846";
    Cli since = Cli.run("scan", repo.toString(), "--since", from, "--format", "jsonl");
    Cli range = Cli.run("scan", repo.toString(), "--range", from + "..HEAD", "--format", "jsonl");
    assertThat(rules(since.out()))
        .containsExactlyInAnyOrder(
            "github.fine-grained-token", "stripe.test-key", "stripe.secret-key");
    assertThat(range.out()).isEqualTo(since.out());
  }

  @Test
  void aRepeatScanReadsOnlyNewBlobsAndReportsTheSame() throws Exception {
    Path repo = Fixtures.build("history", temp.resolve("repo"));
    JsonNode first = JSON.readTree(Cli.run("scan", repo.toString(), "--format", "json").out());
    JsonNode second = JSON.readTree(Cli.run("scan", repo.toString(), "--format", "json").out());
    JsonNode full =
        JSON.readTree(Cli.run("scan", repo.toString(), "--format", "json", "--no-cache").out());
    assertThat(second.get("findings")).isEqualTo(first.get("findings"));
    assertThat(second.at("/summary/blobs_scanned").asInt())
        .isLessThan(first.at("/summary/blobs_scanned").asInt());
    assertThat(full.at("/summary/blobs_scanned").asInt())
        .isEqualTo(first.at("/summary/blobs_scanned").asInt());
  }

  @Test
  void conflictingHistoryOptionsAreUsageErrors() throws Exception {
    Cli both = Cli.run("scan", temp.toString(), "--since", "a", "--range", "a..b");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("--since and --range cannot be used together");
    Cli noDots = Cli.run("scan", temp.toString(), "--range", "main");
    assertThat(noDots.exitCode()).isEqualTo(2);
    assertThat(noDots.err()).contains("--range takes A..B");
    Path repo = Fixtures.build("history", temp.resolve("repo"));
    Cli unknown = Cli.run("scan", repo.toString(), "--range", "nope..HEAD");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("'nope' is not a commit in this repository");
  }

  @Test
  void aBrokenGitFolderIsReportedAndTheFilesAreStillScanned() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("broken"));
    Files.createDirectories(dir.resolve(".git"));
    Files.writeString(
        dir.resolve(".env"), "GITHUB_TOKEN=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\n");
    Cli result = Cli.run("scan", dir.toString(), "--format", "jsonl");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains(dir.resolve(".git").toString(), "not scanned");
    assertThat(rules(result.out())).containsExactly("github.personal-access-token");
  }

  @Test
  void noHistoryScansOnlyTheWorkingTree() throws Exception {
    Path repo = Fixtures.build("history", temp.resolve("repo"));
    Cli result = Cli.run("scan", repo.toString(), "--no-history", "--format", "jsonl");
    assertThat(rules(result.out()))
        .containsExactlyInAnyOrder(
            "github.oauth-token",
            "github.fine-grained-token",
            "stripe.secret-key",
            "stripe.test-key");
  }

  private static List<String> rules(String jsonl) throws IOException {
    List<String> rules = new ArrayList<>();
    for (String line : jsonl.lines().filter(l -> !l.isBlank()).toList()) {
      rules.add(JSON.readTree(line).get("rule").asText());
    }
    return rules;
  }

  private static JsonNode find(JsonNode findings, String rule) {
    for (JsonNode finding : findings) {
      if (finding.get("rule").asText().equals(rule)) {
        return finding;
      }
    }
    throw new AssertionError(rule + " not in " + findings);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private static List<Path> clones() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(f -> f.getFileName().toString().startsWith("rekey-clone-")).toList();
    }
  }

  private static void awaitPort(int port) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
        assertThat(socket.isConnected()).isTrue();
        return;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("git daemon did not start on port " + port);
  }

  private static void git(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
  }
}

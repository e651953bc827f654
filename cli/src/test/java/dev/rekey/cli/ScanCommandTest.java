package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
  private static final String STRIPE =
      "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";

  @TempDir Path dir;

  @Test
  void cleanDirectoryExitsZero() throws Exception {
    Files.writeString(dir.resolve("readme.md"), "nothing to see\n");
    Cli result = Cli.run("scan", dir.toString());
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("No secrets found");
  }

  @Test
  void findingsExitOneAndAreRedactedByDefault() throws Exception {
    Files.writeString(dir.resolve(".env"), "STRIPE_KEY=" + STRIPE + "\n");
    Cli result = Cli.run("scan", dir.toString());
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out())
        .contains("stripe.secret-key", ".env:1:12", "sk_live_51…3Tq")
        .doesNotContain(STRIPE);
  }

  @Test
  void showSecretsRevealsThem() throws Exception {
    Files.writeString(dir.resolve(".env"), "STRIPE_KEY=" + STRIPE + "\n");
    assertThat(Cli.run("scan", dir.toString(), "--show-secrets").out()).contains(STRIPE);
    JsonNode line =
        new ObjectMapper()
            .readTree(Cli.run("scan", dir.toString(), "--format", "jsonl", "--show-secrets").out());
    assertThat(line.get("secret").asText()).isEqualTo(STRIPE);
  }

  @Test
  void jsonReportHasFindingsSummaryAndProblems() throws Exception {
    Files.writeString(dir.resolve(".env"), "STRIPE_KEY=" + STRIPE + "\n");
    Files.write(dir.resolve("blob.bin"), new byte[] {0, 1, 2});
    Cli result = Cli.run("scan", dir.toString(), "--format", "json");
    JsonNode report = new ObjectMapper().readTree(result.out());
    assertThat(report.get("findings")).hasSize(1);
    assertThat(report.get("findings").get(0).get("secret")).isNull();
    assertThat(report.at("/summary/by_severity/critical").asInt()).isEqualTo(1);
    assertThat(report.at("/problems/0/kind").asText()).isEqualTo("skipped");
    assertThat(report.at("/problems/0/where").asText()).isEqualTo("blob.bin");
  }

  @Test
  void outputFileReceivesTheReport() throws Exception {
    Files.writeString(dir.resolve(".env"), "STRIPE_KEY=" + STRIPE + "\n");
    Path report = dir.resolve("out").resolve("report.jsonl");
    Files.createDirectories(report.getParent());
    Cli result =
        Cli.run(
            "scan", dir.resolve(".env").toString(), "--format", "jsonl", "-o", report.toString());
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(Files.readString(report)).contains("\"rule\":\"stripe.secret-key\"");
  }

  @Test
  void missingPathIsAnErrorNamingIt() {
    Cli result = Cli.run("scan", dir.resolve("nope").toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("nope: no such file or directory");
  }

  @Test
  void unknownOptionIsAUsageError() {
    Cli result = Cli.run("scan", "--frobnicate");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Unknown option: '--frobnicate'", "rekey scan --help");
  }

  @Test
  void oversizedFilesAreSkippedAndReported() throws Exception {
    Files.writeString(dir.resolve("big.txt"), "x".repeat(4096) + STRIPE);
    Cli result = Cli.run("scan", dir.toString(), "--max-file-size", "1K", "--format", "json");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("larger than the size limit");
  }

  @Test
  void unreadableFileIsReportedAndTheScanGoesOn() throws Exception {
    assumeThat(System.getProperty("user.name")).as("root reads any file").isNotEqualTo("root");
    Files.writeString(dir.resolve(".env"), "STRIPE_KEY=" + STRIPE + "\n");
    Path locked = Files.writeString(dir.resolve("locked.txt"), "secret stuff");
    assertThat(locked.toFile().setReadable(false)).isTrue();
    Cli result = Cli.run("scan", dir.toString());
    assertThat(result.exitCode()).as("an error outranks findings").isEqualTo(2);
    assertThat(result.err()).contains("locked.txt: permission denied");
    assertThat(result.out()).contains("stripe.secret-key", "The scan is incomplete");
  }

  @Test
  void corruptGitIndexIsReportedAndTheWorkingTreeStillScanned() throws Exception {
    Path repo = Fixtures.build("worktree", dir.resolve("repo"));
    Files.write(
        repo.resolve(".git/index"),
        "DIRC garbage".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Cli result = Cli.run("scan", repo.toString(), "--format", "jsonl");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains(".git/index: corrupt index");
    assertThat(result.out()).contains("openai.api-key", "aws.access-key");
  }

  @Test
  void colourOnlyWhenAskedForAndNoColorUnset() throws Exception {
    Files.writeString(dir.resolve(".env"), "STRIPE_KEY=" + STRIPE + "\n");
    assertThat(Cli.runWithEnv(Map.of(), "scan", dir.toString()).out()).doesNotContain("\u001b[");
  }
}

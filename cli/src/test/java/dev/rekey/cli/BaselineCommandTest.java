package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rekey baseline}, {@code scan --baseline} and {@code --update-baseline} end to end. */
class BaselineCommandTest {
  private static final String STRIPE =
      "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";
  private static final String GITHUB = "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";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void theBaselineSuppressesExactlyTheFindingsItLists() throws Exception {
    Files.writeString(dir.resolve("fixture.env"), "KEY=" + STRIPE + "\n");
    Cli written = Cli.run("baseline", dir.toString(), "--reason", "test fixture");
    assertThat(written.exitCode()).as(written.err()).isZero();
    assertThat(written.err()).contains("1 entries (1 new, 0 dropped)");
    JsonNode baseline = JSON.readTree(dir.resolve(".rekey-baseline.json").toFile());
    assertThat(baseline.at("/findings/0/reason").asText()).isEqualTo("test fixture");
    assertThat(baseline.toString()).doesNotContain(STRIPE);

    assertThat(Cli.run("scan", dir.toString()).exitCode()).isZero();
    Files.writeString(dir.resolve("moved.env"), "\n\nKEY=" + STRIPE + "\n");
    assertThat(Cli.run("scan", dir.toString()).exitCode())
        .as("moving code changes nothing")
        .isZero();
    Files.writeString(dir.resolve("new.yml"), "token: " + GITHUB + "\n");
    Cli fresh = Cli.run("scan", dir.toString(), "--format", "jsonl");
    assertThat(fresh.exitCode()).isEqualTo(1);
    assertThat(fresh.out().lines()).hasSize(1).allMatch(l -> l.contains("new.yml"));
    assertThat(fresh.err()).contains("1 known finding suppressed by .rekey-baseline.json");
    assertThat(Cli.run("scan", dir.toString(), "--no-baseline", "--format", "jsonl").out().lines())
        .hasSize(2);
  }

  @Test
  void rebuildingKeepsReasonsAndUpdateBaselineAddsNewFindings() throws Exception {
    Files.writeString(dir.resolve("a.env"), "KEY=" + STRIPE + "\n");
    assertThat(Cli.run("baseline", dir.toString(), "--reason", "kept").exitCode()).isZero();
    Files.writeString(dir.resolve("b.yml"), "token: " + GITHUB + "\n");
    Cli update = Cli.run("scan", dir.toString(), "--update-baseline");
    assertThat(update.exitCode()).isZero();
    assertThat(update.err()).contains("added 1 finding to");
    assertThat(Cli.run("scan", dir.toString()).exitCode()).isZero();
    Files.delete(dir.resolve("b.yml"));
    Cli rebuilt = Cli.run("baseline", dir.toString());
    assertThat(rebuilt.err()).contains("1 entries (0 new, 1 dropped)");
    assertThat(Files.readString(dir.resolve(".rekey-baseline.json")))
        .contains("\"reason\" : \"kept\"");
  }

  @Test
  void aGitleaksIgnoreHelpsTeamsSwitch() throws Exception {
    Files.writeString(dir.resolve("a.env"), "KEY=" + STRIPE + "\n");
    Path ignore =
        Files.writeString(dir.resolve(".gitleaksignore"), "a.env:stripe-access-token:1\n");
    assertThat(Cli.run("scan", dir.toString(), "--baseline", ignore.toString()).exitCode())
        .isZero();
  }

  @Test
  void jsonLogsCarryRunIdsEventsAndCountsButNoSecrets() throws Exception {
    Files.writeString(dir.resolve("a.env"), "KEY=" + STRIPE + "\n");
    Cli result = Cli.run("scan", dir.toString(), "--log-format", "json", "--show-secrets");
    assertThat(result.exitCode()).isEqualTo(1);
    List<JsonNode> lines = new ArrayList<>();
    for (String line : result.err().lines().toList()) {
      lines.add(JSON.readTree(line));
    }
    assertThat(lines)
        .extracting(l -> l.get("event").asText())
        .containsExactly("scan.started", "scan.finished");
    assertThat(lines)
        .extracting(l -> l.get("run").asText())
        .containsOnly(lines.getFirst().get("run").asText());
    JsonNode finished = lines.getLast();
    assertThat(finished.get("ts").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(finished.get("level").asText()).isEqualTo("info");
    assertThat(finished.get("findings").asInt()).isEqualTo(1);
    assertThat(finished.get("blobs").asInt()).isEqualTo(1);
    assertThat(result.err()).doesNotContain(STRIPE);
  }

  @Test
  void stagedOutsideARepositoryIsAnErrorWithAReason() {
    Cli result = Cli.run("scan", "--staged", dir.toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("not inside a git working tree");
  }

  @Test
  void aBrokenBaselineIsAnError() throws Exception {
    Files.writeString(dir.resolve(".rekey-baseline.json"), "{\"findings\": [");
    Cli result = Cli.run("scan", dir.toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains(".rekey-baseline.json: baseline not applied, every finding is reported")
        .contains("not a valid baseline");
  }
}

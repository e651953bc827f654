package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the precision and recall fixtures promise, beyond matching their expected findings: the
 * precision fixture yields nothing above {@code low}, the recall fixture covers many rule families.
 */
class FixtureContractTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void precisionFixtureYieldsNothingAboveLow() throws Exception {
    for (JsonNode finding : expected("precision")) {
      assertThat(finding.get("severity").asText()).as(finding.toString()).isIn("low", "info");
    }
  }

  @Test
  void recallFixtureCoversEveryFamily() throws Exception {
    Set<String> families = new HashSet<>();
    for (JsonNode finding : expected("recall")) {
      families.add(finding.get("rule").asText().replaceAll("\\..*", ""));
    }
    assertThat(families).hasSizeGreaterThanOrEqualTo(60);
  }

  private static List<JsonNode> expected(String fixture) throws Exception {
    List<JsonNode> rows = new ArrayList<>();
    for (String line :
        Files.readAllLines(Fixtures.testRepos().resolve(fixture).resolve("expected.jsonl"))) {
      if (!line.isBlank()) {
        rows.add(JSON.readTree(line));
      }
    }
    return rows;
  }
}

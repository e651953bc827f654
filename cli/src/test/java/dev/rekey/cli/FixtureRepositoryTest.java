package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Builds every fixture in {@code test-repos/}, scans it as a user would and compares the findings
 * with the fixture's {@code expected.jsonl}: the fields of {@link #COMPARED}, with {@code
 * first_commit} reduced to the commit id. Run with {@code -Drekey.golden.update=true} to rewrite
 * those files from the current output, then review the diff.
 */
class FixtureRepositoryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> COMPARED =
      List.of("rule", "severity", "path", "line", "column", "source", "commit", "first_commit");

  @TempDir Path temp;

  static Stream<String> fixtures() throws IOException {
    try (Stream<Path> dirs = Files.list(Fixtures.testRepos())) {
      return dirs
          .filter(d -> Files.exists(d.resolve("expected.jsonl")))
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void yieldsExactlyTheExpectedFindings(String name) throws Exception {
    Path repo = Fixtures.build(name, temp.resolve(name));
    List<String> args = new ArrayList<>(List.of("scan", repo.toString(), "--format", "jsonl"));
    Path extra = Fixtures.testRepos().resolve(name).resolve("args");
    if (Files.exists(extra)) {
      Files.readAllLines(extra).stream().filter(l -> !l.isBlank()).forEach(args::add);
    }
    Cli result = Cli.run(args.toArray(String[]::new));

    Path expectedFile = Fixtures.testRepos().resolve(name).resolve("expected.jsonl");
    if (Boolean.getBoolean(Golden.UPDATE)) {
      StringBuilder rows = new StringBuilder();
      readLines(result.out()).stream()
          .map(JsonNode::toString)
          .sorted()
          .forEach(row -> rows.append(row).append('\n'));
      Files.writeString(expectedFile, rows.toString(), StandardCharsets.UTF_8);
    }
    List<JsonNode> expected = readLines(Files.readString(expectedFile));
    assertThat(readLines(result.out()))
        .as("findings of %s; stderr:%n%s", name, result.err())
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(result.exitCode()).isEqualTo(expected.isEmpty() ? 0 : 1);
  }

  private static List<JsonNode> readLines(String text) throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    for (String line : text.lines().filter(l -> !l.isBlank()).toList()) {
      JsonNode node = JSON.readTree(line);
      ObjectNode row = JSON.createObjectNode();
      COMPARED.forEach(field -> row.set(field, node.get(field)));
      JsonNode first = node.path("first_commit");
      if (first.isObject()) {
        row.set("first_commit", first.get("id")); // a report's; an expected file holds the id
      }
      rows.add(row);
    }
    return rows;
  }
}

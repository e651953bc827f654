package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Golden files: expected output kept under {@code cli/src/test/resources/golden/}. Run the tests
 * with {@code -Drekey.golden.update=true} to rewrite them from the current output, then review the
 * diff before committing.
 */
final class Golden {
  static final String UPDATE = "rekey.golden.update";

  private Golden() {}

  static Path dir() {
    return Fixtures.repoRoot().resolve("cli/src/test/resources/golden");
  }

  /** Compares {@code actual} with the golden file {@code name}, or rewrites it when asked to. */
  static void check(String name, String actual) throws IOException {
    Path file = dir().resolve(name);
    if (Boolean.getBoolean(UPDATE)) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(file)
        .as("golden file %s is missing: run the tests with -D%s=true and review it", name, UPDATE)
        .exists();
    assertThat(actual)
        .as("output differs from %s: if the change is intended, run with -D%s=true", name, UPDATE)
        .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }

  /**
   * Compares {@code actual}, one JSON object per line, with the lines of {@code expected} (a
   * fixture's expected-findings file), or rewrites that file when asked to; {@code context} says
   * what to show on a difference.
   */
  static void jsonLines(Path expected, List<JsonNode> actual, String context) throws IOException {
    if (Boolean.getBoolean(UPDATE)) {
      StringBuilder text = new StringBuilder();
      actual.forEach(node -> text.append(node).append('\n'));
      Files.writeString(expected, text.toString(), StandardCharsets.UTF_8);
    }
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> wanted = new ArrayList<>();
    for (String line : Files.readAllLines(expected)) {
      wanted.add(json.readTree(line));
    }
    assertThat(actual).as("%s", context).containsExactlyElementsOf(wanted);
  }
}

package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.rules.RuleCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rule ids are spelled once, in their rule file: {@code rotators} and {@code cli} name them through
 * the catalog's constants, never as string literals, so renaming or dropping a rule fails the build
 * instead of silently turning a rotator or verifier off.
 */
class CatalogNamesTest {
  private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

  @Test
  void rotatorsAndCliSpellNoRuleId() throws IOException {
    Set<String> ids = RuleCatalog.builtIn().stream().map(Rule::id).collect(Collectors.toSet());
    Set<String> prefixes =
        ids.stream().map(id -> id.substring(0, id.indexOf('.') + 1)).collect(Collectors.toSet());
    List<String> found = new ArrayList<>();
    for (Path root : List.of(Path.of("../rotators/src/main/java"), Path.of("src/main/java"))) {
      assertThat(root).isDirectory();
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          Matcher literal = LITERAL.matcher(Files.readString(file));
          while (literal.find()) {
            String text = literal.group(1);
            if (ids.contains(text) || prefixes.contains(text)) {
              found.add(file.getFileName() + ": \"" + text + "\"");
            }
          }
        }
      }
    }
    assertThat(found).as("rule ids spelled outside detectors").isEmpty();
  }
}

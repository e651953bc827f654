package dev.rekey.scanner.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rekey.detectors.Engine;
import dev.rekey.detectors.Rule;
import dev.rekey.detectors.rules.RuleCatalog;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code [[rules]]} of a configuration file: each needs an id, keywords and a pattern; its
 * examples must match it and its counter-examples must not, checked when the file is read.
 */
final class CustomRules {
  private static final String TABLE = "rules";
  private static final Set<String> KEYS =
      Set.of(
          "id",
          "description",
          "provider",
          "kind",
          "severity",
          "keywords",
          "pattern",
          "window",
          "min_entropy",
          "examples",
          "counter_examples",
          "rotation_url");

  private final ConfigReader reader;

  CustomRules(ConfigReader reader) {
    this.reader = reader;
  }

  List<Rule> read(JsonNode rules) throws ConfigException {
    if (rules.isMissingNode()) {
      return List.of();
    }
    if (!rules.isArray()) {
      throw reader.error("", 0, TABLE, "'rules' must be an array of tables: write [[rules]]");
    }
    Set<String> ids = new HashSet<>();
    RuleCatalog.builtIn().forEach(r -> ids.add(r.id()));
    List<Rule> out = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rule(rules.get(i), i);
      if (!ids.add(rule.id())) {
        throw reader.error(TABLE, i, "id", "rule id '" + rule.id() + "' is already taken");
      }
      checkExamples(rule, i);
      out.add(rule);
    }
    return out;
  }

  private Rule rule(JsonNode node, int i) throws ConfigException {
    reader.checkKeys(node, TABLE, i, KEYS);
    String id = required(node, i, "id");
    if (!id.matches("[a-z0-9-]+\\.[a-z0-9.-]+")) {
      throw reader.error(TABLE, i, "id", "rule id '" + id + "' must look like provider.kind");
    }
    List<String> keywords = reader.strings(node, TABLE, i, "keywords");
    if (keywords.isEmpty() || keywords.stream().anyMatch(String::isBlank)) {
      throw reader.error(
          TABLE,
          i,
          "keywords",
          "rule '" + id + "' needs keywords: the engine tries a pattern only near one of them");
    }
    String pattern = required(node, i, "pattern");
    reader.regex(pattern, TABLE, i, "pattern");
    int window = node.path("window").asInt(256);
    Rule.Builder builder =
        Rule.builder(id)
            .provider(node.path("provider").asText("Custom"))
            .kind(node.path("kind").asText("secret"))
            .severity(
                node.has("severity")
                    ? reader.severity(node.get("severity"), TABLE, i, "severity")
                    : dev.rekey.detectors.Severity.HIGH)
            .description(node.path("description").asText("Custom rule " + id))
            .keywords(keywords.toArray(String[]::new))
            .pattern(pattern)
            .window(window, window)
            .minEntropy(node.path("min_entropy").asDouble(0))
            .examples(reader.strings(node, TABLE, i, "examples").toArray(String[]::new))
            .counterExamples(
                reader.strings(node, TABLE, i, "counter_examples").toArray(String[]::new));
    if (node.has("rotation_url")) {
      builder.rotation(node.get("rotation_url").asText());
    }
    return builder.build();
  }

  private String required(JsonNode node, int i, String key) throws ConfigException {
    JsonNode value = node.path(key);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw reader.error(
          TABLE,
          i,
          key.equals("id") ? "" : key,
          "rule " + (i + 1) + " needs '" + key + "' (a string)");
    }
    return value.asText();
  }

  private void checkExamples(Rule rule, int i) throws ConfigException {
    Engine engine = new Engine(List.of(rule), List.of());
    for (String example : rule.examples()) {
      if (engine.detect(example.getBytes(StandardCharsets.UTF_8)).isEmpty()) {
        throw reader.error(
            TABLE,
            i,
            "examples",
            "rule '"
                + rule.id()
                + "' does not match its example '"
                + example
                + "': fix the pattern or the keywords");
      }
    }
    for (String counter : rule.counterExamples()) {
      if (!engine.detect(counter.getBytes(StandardCharsets.UTF_8)).isEmpty()) {
        throw reader.error(
            TABLE,
            i,
            "counter_examples",
            "rule '" + rule.id() + "' matches its counter-example '" + counter + "'");
      }
    }
  }
}

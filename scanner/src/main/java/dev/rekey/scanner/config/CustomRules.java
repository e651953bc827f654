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

  /** The widest window a custom rule may search around a keyword, in bytes. */
  private static final int MAX_WINDOW = 4096;

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
    int window = (int) number(node, i, "window", 256, 1, MAX_WINDOW, true);
    Rule.Builder builder =
        Rule.builder(id)
            .provider(text(node, i, "provider", "Custom"))
            .kind(text(node, i, "kind", "secret"))
            .severity(
                node.has("severity")
                    ? reader.severity(node.get("severity"), TABLE, i, "severity")
                    : dev.rekey.detectors.Severity.HIGH)
            .description(text(node, i, "description", "Custom rule " + id))
            .keywords(keywords.toArray(String[]::new))
            .pattern(pattern)
            .window(window, window)
            .minEntropy(number(node, i, "min_entropy", 0, 0, 8, false))
            .examples(reader.strings(node, TABLE, i, "examples").toArray(String[]::new))
            .counterExamples(
                reader.strings(node, TABLE, i, "counter_examples").toArray(String[]::new));
    if (node.has("rotation_url")) {
      String url = text(node, i, "rotation_url", "");
      if (!url.matches("https?://\\S+")) {
        throw reader.error(TABLE, i, "rotation_url", "'rotation_url' must be an http(s) URL");
      }
      builder.rotation(url);
    }
    return builder.build();
  }

  /** A string setting, or {@code otherwise} when absent; any other type is an error. */
  private String text(JsonNode node, int i, String key, String otherwise) throws ConfigException {
    JsonNode value = node.path(key);
    if (value.isMissingNode()) {
      return otherwise;
    }
    if (!value.isTextual()) {
      throw reader.error(TABLE, i, key, "'" + key + "' must be a string");
    }
    return value.asText();
  }

  /**
   * A number setting in {@code [min, max]} (a whole one when {@code whole}), or {@code otherwise}
   * when absent; any other type or value is an error.
   */
  private double number(
      JsonNode node, int i, String key, double otherwise, double min, double max, boolean whole)
      throws ConfigException {
    JsonNode value = node.path(key);
    if (value.isMissingNode()) {
      return otherwise;
    }
    boolean typed = whole ? value.isIntegralNumber() : value.isNumber();
    if (!typed || value.asDouble() < min || value.asDouble() > max) {
      throw reader.error(
          TABLE,
          i,
          key,
          "'"
              + key
              + "' must be a "
              + (whole ? "whole number" : "number")
              + " from "
              + (whole ? String.valueOf((long) min) : String.valueOf(min))
              + " to "
              + (whole ? String.valueOf((long) max) : String.valueOf(max)));
    }
    return value.asDouble();
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
      boolean found = !engine.detect(example.getBytes(StandardCharsets.UTF_8)).isEmpty();
      if (!engine.exhausted().isEmpty()) {
        throw reader.error(
            TABLE,
            i,
            "pattern",
            "rule '"
                + rule.id()
                + "' takes too many matching steps on its own example (catastrophic"
                + " backtracking): simplify the pattern");
      }
      if (!found) {
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

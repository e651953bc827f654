package dev.rekey.scanner.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads and validates a {@code .rekey.toml}. Unknown keys inside the tables defined here are errors
 * (a typo must not silently disable a setting); unknown top-level tables are left to the commands
 * that own them ({@code [verify]} and {@code [providers]} are reserved for provider base URLs).
 *
 * <pre>
 * [detectors]
 * disable = ["generic.password"]
 * severity = { "stripe.test-key" = "info" }
 *
 * [[rules]]
 * id = "acme.api-key"
 * keywords = ["acme_"]
 * pattern = '''acme_[a-z0-9]{32}'''
 *
 * [allowlist]
 * paths = ["test/fixtures/**"]
 * values = ["sk_test_…"]
 * regexes = ['''^dev-.*''']
 * </pre>
 */
public final class ConfigReader {
  /** The file read from the scanned root when no {@code --config} is given. */
  public static final String FILE_NAME = ".rekey.toml";

  private static final Set<String> DETECTORS_KEYS = Set.of("disable", "severity");
  private static final Set<String> ALLOWLIST_KEYS = Set.of("paths", "values", "regexes");

  private final String name;
  private final TomlLines lines;

  private ConfigReader(String name, String source) {
    this.name = name;
    this.lines = new TomlLines(source);
  }

  /**
   * The configuration for a scan of {@code root}: its {@value #FILE_NAME} when there is one (for a
   * directory), else the defaults.
   */
  public static ScanConfig forRoot(Path root) throws ConfigException {
    Path implicit = Files.isDirectory(root) ? root.resolve(FILE_NAME) : null;
    return implicit != null && Files.isRegularFile(implicit) ? read(implicit) : ScanConfig.DEFAULTS;
  }

  /** Reads {@code file}. */
  public static ScanConfig read(Path file) throws ConfigException {
    String source;
    try {
      source = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(
          file + ": cannot read the configuration: " + e.getMessage() + ": check the path");
    }
    return parse(file.toString(), source);
  }

  /** Parses {@code source}, naming it {@code name} in errors. */
  public static ScanConfig parse(String name, String source) throws ConfigException {
    JsonNode root;
    try {
      root = new TomlMapper().readTree(source);
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      int line = where == null ? 0 : where.getLineNr();
      throw new ConfigException(
          name + ":" + line + ": not valid TOML: " + e.getOriginalMessage() + ": fix the syntax");
    }
    return new ConfigReader(name, source).config(root);
  }

  private ScanConfig config(JsonNode root) throws ConfigException {
    JsonNode detectors = table(root, "detectors", DETECTORS_KEYS);
    JsonNode allow = table(root, "allowlist", ALLOWLIST_KEYS);
    List<Rule> custom = new CustomRules(this).read(root.path("rules"));
    Set<String> known = new HashSet<>();
    dev.rekey.detectors.rules.RuleCatalog.builtIn().forEach(r -> known.add(r.id()));
    custom.forEach(r -> known.add(r.id()));
    Set<String> disabled = new HashSet<>();
    for (String id : strings(detectors, "detectors", "disable")) {
      checkRuleId(known, id, "detectors", "disable");
      disabled.add(id);
    }
    Map<String, Severity> severities = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : detectors.path("severity").properties()) {
      checkRuleId(known, e.getKey(), "detectors.severity", e.getKey());
      severities.put(e.getKey(), severity(e.getValue(), "detectors.severity", e.getKey()));
    }
    return new ScanConfig(
        name, disabled, severities, custom, allowlist(allow), providers(root.path("providers")));
  }

  /** {@code [providers.NAME]} tables, each with one key: {@code url}, an http(s) base URL. */
  private Map<String, String> providers(JsonNode providers) throws ConfigException {
    if (providers.isMissingNode()) {
      return Map.of();
    }
    if (!providers.isObject()) {
      throw error("", 0, "providers", "'providers' must hold tables like [providers.openai]");
    }
    Map<String, String> urls = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> provider : providers.properties()) {
      String table = "providers." + provider.getKey();
      JsonNode node = provider.getValue();
      if (!node.isObject()) {
        throw error("providers", 0, provider.getKey(), "'" + table + "' must be a table");
      }
      checkKeys(node, table, 0, Set.of("url"));
      String url = node.path("url").asText("");
      if (!url.matches("https?://[^\\s]+")) {
        throw error(table, 0, "url", "'url' must be an http or https base URL");
      }
      urls.put(provider.getKey(), url);
    }
    return urls;
  }

  private Allowlist allowlist(JsonNode allow) throws ConfigException {
    List<String> paths = strings(allow, "allowlist", "paths");
    for (String glob : paths) {
      try {
        java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + glob);
      } catch (IllegalArgumentException e) {
        throw error("allowlist", 0, "paths", "invalid glob '" + glob + "': " + e.getMessage());
      }
    }
    List<Pattern> regexes = new ArrayList<>();
    for (String regex : strings(allow, "allowlist", "regexes")) {
      regexes.add(regex(regex, "allowlist", 0, "regexes"));
    }
    return new Allowlist(paths, new HashSet<>(strings(allow, "allowlist", "values")), regexes);
  }

  private void checkRuleId(Set<String> known, String id, String table, String key)
      throws ConfigException {
    if (!known.contains(id)) {
      throw error(
          table,
          0,
          key,
          "unknown rule '" + id + "': rule ids are listed in the README (Detectors)");
    }
  }

  private JsonNode table(JsonNode root, String table, Set<String> keys) throws ConfigException {
    JsonNode node = root.path(table);
    if (node.isMissingNode()) {
      return node;
    }
    if (!node.isObject()) {
      throw error("", 0, table, "'" + table + "' must be a table");
    }
    checkKeys(node, table, 0, keys);
    return node;
  }

  void checkKeys(JsonNode node, String table, int index, Set<String> keys) throws ConfigException {
    for (Map.Entry<String, JsonNode> property : node.properties()) {
      String key = property.getKey();
      if (!keys.contains(key)) {
        throw error(
            table,
            index,
            key,
            "unknown key '"
                + key
                + "' in ["
                + table
                + "]: use one of "
                + String.join(", ", keys.stream().sorted().toList()));
      }
    }
  }

  List<String> strings(JsonNode node, String table, String key) throws ConfigException {
    return strings(node, table, 0, key);
  }

  List<String> strings(JsonNode node, String table, int index, String key) throws ConfigException {
    JsonNode value = node.path(key);
    if (value.isMissingNode()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (value.isArray()) {
      for (JsonNode item : value) {
        if (item.isTextual()) {
          out.add(item.asText());
          continue;
        }
        throw error(table, index, key, "'" + key + "' must be a list of strings");
      }
      return out;
    }
    throw error(table, index, key, "'" + key + "' must be a list of strings");
  }

  Severity severity(JsonNode value, String table, String key) throws ConfigException {
    return severity(value, table, 0, key);
  }

  Severity severity(JsonNode value, String table, int index, String key) throws ConfigException {
    try {
      return Severity.parse(value.asText());
    } catch (IllegalArgumentException e) {
      throw error(table, index, key, String.valueOf(e.getMessage()));
    }
  }

  Pattern regex(String regex, String table, int index, String key) throws ConfigException {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw error(
          table,
          index,
          key,
          "invalid regular expression: " + e.getDescription() + " near index " + e.getIndex());
    }
  }

  /** An error at {@code key} of {@code table} (its {@code index}-th for arrays of tables). */
  ConfigException error(String table, int index, String key, String message) {
    return new ConfigException(name + ":" + lines.key(table, index, key) + ": " + message);
  }
}

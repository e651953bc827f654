package dev.rekey.scanner.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import dev.rekey.scanner.files.ScanRoot;
import dev.rekey.scanner.files.Utf8Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
 * that own them ({@code [verify]} is reserved).
 *
 * <p>Where a file comes from decides what it may set ({@link Origin}). Provider base URLs ({@code
 * [providers.NAME] url}) decide where secrets are sent, so only the user's own files set them: a
 * repository's {@code .rekey.toml} is attacker-controlled input, and its {@code [providers]} tables
 * are ignored with a warning naming the file and line. Tables and keys: README, Configuration.
 */
public final class ConfigReader {
  /** The file read from the scanned root when no {@code --config} is given. */
  public static final String FILE_NAME = ".rekey.toml";

  /** The largest configuration read from a repository. */
  private static final long MAX_BYTES = 1 << 20;

  private static final Set<String> DETECTORS_KEYS = Set.of("disable", "severity");
  private static final Set<String> ALLOWLIST_KEYS = Set.of("paths", "values", "regexes");

  /** Who wrote a configuration file, which decides what it may set. */
  public enum Origin {
    /** A file the user named ({@code --config}): everything applies. */
    NAMED,
    /**
     * The user's own {@code config.toml} outside any repository: it holds provider base URLs only.
     */
    USER,
    /** The scanned repository's {@code .rekey.toml}: everything but provider base URLs. */
    REPOSITORY
  }

  private final String name;
  private final TomlLines lines;
  private final Origin origin;

  private ConfigReader(String name, String source, Origin origin) {
    this.name = name;
    this.lines = new TomlLines(source);
    this.origin = origin;
  }

  /**
   * The configuration for a scan of {@code root}: its {@value #FILE_NAME} when there is one (for a
   * directory), read as the repository's ({@link Origin#REPOSITORY}), else the defaults.
   */
  public static ScanConfig forRoot(Path root) throws ConfigException {
    Path implicit = Files.isDirectory(root) ? root.resolve(FILE_NAME) : null;
    if (implicit == null || !Files.exists(implicit, LinkOption.NOFOLLOW_LINKS)) {
      return ScanConfig.DEFAULTS;
    }
    byte[] bytes;
    try {
      bytes =
          switch (ScanRoot.of(root).read(implicit, MAX_BYTES)) {
            case ScanRoot.FileRead.Content content -> content.bytes();
            case ScanRoot.FileRead.Skipped skipped ->
                throw new ConfigException(
                    implicit
                        + ": "
                        + skipped.reason()
                        + ": replace it with the file itself, or pass --config FILE");
          };
    } catch (IOException e) {
      throw new ConfigException(implicit + ": cannot read the configuration: " + e.getMessage());
    }
    return parse(implicit, bytes, Origin.REPOSITORY);
  }

  /** Reads {@code file}, a file the user named. */
  public static ScanConfig read(Path file) throws ConfigException {
    return read(file, Origin.NAMED);
  }

  /** Reads {@code file}, written by {@code origin}. */
  public static ScanConfig read(Path file, Origin origin) throws ConfigException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ConfigException(
          file + ": cannot read the configuration: " + e.getMessage() + ": check the path");
    }
    return parse(file, bytes, origin);
  }

  private static ScanConfig parse(Path file, byte[] bytes, Origin origin) throws ConfigException {
    String source;
    try {
      source = Utf8Text.decode(bytes);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          file + ":" + String.valueOf(e.getMessage()).replaceFirst("^line ", ""));
    }
    return parse(file.toString(), source, origin);
  }

  /** Parses {@code source}, a file the user named, naming it {@code name} in errors. */
  public static ScanConfig parse(String name, String source) throws ConfigException {
    return parse(name, source, Origin.NAMED);
  }

  /** Parses {@code source}, written by {@code origin}, naming it {@code name} in errors. */
  public static ScanConfig parse(String name, String source, Origin origin) throws ConfigException {
    JsonNode root;
    try {
      root = new TomlMapper().readTree(source);
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      int line = where == null ? 0 : where.getLineNr();
      throw new ConfigException(
          name + ":" + line + ": not valid TOML: " + e.getOriginalMessage() + ": fix the syntax");
    }
    ConfigReader reader = new ConfigReader(name, source, origin);
    return origin == Origin.USER
        ? new ProviderTables(reader).userConfig(root)
        : reader.config(root);
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
    JsonNode providers = root.path("providers");
    ProviderTables tables = new ProviderTables(this);
    if (origin == Origin.REPOSITORY) {
      return new ScanConfig(
          name,
          disabled,
          severities,
          custom,
          allowlist(allow),
          Map.of(),
          tables.ignored(providers));
    }
    return new ScanConfig(
        name, disabled, severities, custom, allowlist(allow), tables.urls(providers), List.of());
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

  /** The file's name, for messages. */
  String name() {
    return name;
  }

  /** The 1-based line of {@code key} in {@code table}, or 0. */
  int line(String table, String key) {
    return lines.key(table, 0, key);
  }

  /** An error at {@code key} of {@code table} (its {@code index}-th for arrays of tables). */
  ConfigException error(String table, int index, String key, String message) {
    return new ConfigException(name + ":" + lines.key(table, index, key) + ": " + message);
  }
}

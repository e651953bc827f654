package dev.rekey.scanner.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code [providers.NAME]} tables of a configuration file, each with one key, {@code url}: a
 * provider's API base URL. They decide where secrets are sent, so only the user's own files may set
 * them; a repository's are turned into warnings.
 */
final class ProviderTables {
  private final ConfigReader reader;

  ProviderTables(ConfigReader reader) {
    this.reader = reader;
  }

  /** The user's own file: {@code [providers]} and nothing else. */
  ScanConfig userConfig(JsonNode root) throws ConfigException {
    for (Map.Entry<String, JsonNode> table : root.properties()) {
      if (!table.getKey().equals("providers")) {
        boolean isTable = table.getValue().isObject();
        throw reader.error(
            isTable ? table.getKey() : "",
            0,
            isTable ? "" : table.getKey(),
            "only [providers.NAME] tables are read from this file: put scan settings in the"
                + " repository's .rekey.toml or a file given with --config");
      }
    }
    return new ScanConfig(
        reader.name(),
        Set.of(),
        Map.of(),
        List.of(),
        Allowlist.NONE,
        urls(root.path("providers")),
        List.of());
  }

  /** A warning for each provider URL a repository's file tries to set. */
  List<String> ignored(JsonNode providers) {
    List<String> warnings = new ArrayList<>();
    for (Map.Entry<String, JsonNode> provider : providers.properties()) {
      String table = "providers." + provider.getKey();
      warnings.add(
          reader.name()
              + ":"
              + reader.line(table, "url")
              + ": ["
              + table
              + "] ignored: a repository's configuration cannot choose where secrets are sent;"
              + " pass --provider-url "
              + provider.getKey()
              + "=URL or set it in your own rekey/config.toml under $XDG_CONFIG_HOME (default ~/.config)");
    }
    return warnings;
  }

  /** The base URLs the tables set, by provider name. */
  Map<String, String> urls(JsonNode providers) throws ConfigException {
    if (providers.isMissingNode()) {
      return Map.of();
    }
    if (!providers.isObject()) {
      throw reader.error(
          "", 0, "providers", "'providers' must hold tables like [providers.openai]");
    }
    Map<String, String> urls = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> provider : providers.properties()) {
      String table = "providers." + provider.getKey();
      JsonNode node = provider.getValue();
      if (!node.isObject()) {
        throw reader.error("providers", 0, provider.getKey(), "'" + table + "' must be a table");
      }
      reader.checkKeys(node, table, 0, Set.of("url"));
      JsonNode value = node.path("url");
      String url = value.isTextual() ? value.asText() : "";
      if (!url.matches("https?://[^\\s]+")) {
        throw reader.error(table, 0, "url", "'url' must be an http or https base URL");
      }
      urls.put(provider.getKey(), url);
    }
    return urls;
  }
}

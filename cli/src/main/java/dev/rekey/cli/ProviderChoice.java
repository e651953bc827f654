package dev.rekey.cli;

import dev.rekey.rotators.http.ProviderUrls;
import dev.rekey.scanner.config.ConfigException;
import dev.rekey.scanner.config.ConfigReader;
import dev.rekey.scanner.config.ScanConfig;
import dev.rekey.scanner.files.UserFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Where each provider's API is reached, and who chose it. Only the user chooses: from lowest to
 * highest precedence, the user's own {@code ${XDG_CONFIG_HOME:-~/.config}/rekey/config.toml}, a
 * file given with {@code --config} (for a resumed run: the journal's record of what the run started
 * with), and {@code --provider-url}. A scanned repository's {@code .rekey.toml} never does (its
 * {@code [providers]} tables are ignored with a warning when it is read).
 *
 * @param urls base URLs that differ from the built-in ones, by provider name
 * @param origins who set each of {@code urls}
 */
record ProviderChoice(Map<String, String> urls, Map<String, String> origins) {
  /** The user's own configuration file's name inside {@link UserFolders#config}. */
  static final String USER_FILE = "config.toml";

  ProviderChoice {
    urls = Map.copyOf(urls);
    origins = Map.copyOf(origins);
  }

  /**
   * The choice for a run.
   *
   * @param env the environment, which locates the user's configuration file
   * @param named the configuration the user named with {@code --config}, or null
   * @param recorded {@code NAME=URL} pairs a resumed run's journal recorded, with their origin
   * @param flags {@code --provider-url} values
   * @throws IllegalArgumentException naming the file or option at fault
   */
  static ProviderChoice of(
      Map<String, String> env,
      @Nullable ScanConfig named,
      @Nullable Recorded recorded,
      List<String> flags) {
    Map<String, String> urls = new TreeMap<>();
    Map<String, String> origins = new TreeMap<>();
    Path user = UserFolders.config(env).resolve(USER_FILE);
    if (Files.isRegularFile(user)) {
      put(urls, origins, userUrls(user), user.toString());
    }
    if (named != null && named.source() != null) {
      put(urls, origins, named.providerUrls(), String.valueOf(named.source()));
    }
    if (recorded != null) {
      put(urls, origins, recorded.urls(), recorded.origin());
    }
    put(urls, origins, ProviderUrls.parsePairs(flags), "--provider-url");
    ProviderChoice choice = new ProviderChoice(urls, origins);
    choice.check();
    return choice;
  }

  /**
   * URLs a journal recorded for a run.
   *
   * @param urls by provider name
   * @param origin how to name them in messages, e.g. {@code the journal of run …}
   */
  record Recorded(Map<String, String> urls, String origin) {}

  private static Map<String, String> userUrls(Path file) {
    try {
      return ConfigReader.read(file, ConfigReader.Origin.USER).providerUrls();
    } catch (ConfigException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static void put(
      Map<String, String> urls,
      Map<String, String> origins,
      Map<String, String> given,
      String origin) {
    given.forEach(
        (name, url) -> {
          urls.put(name, url);
          origins.put(name, origin);
        });
  }

  /**
   * Every URL is valid (a known provider, https or loopback http), or an error names its origin.
   */
  private void check() {
    urls.forEach(
        (name, url) -> {
          try {
            ProviderUrls.of(Map.of(name, url));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origins.get(name) + ": " + e.getMessage(), e);
          }
        });
  }

  /** The base URLs to use. */
  ProviderUrls providerUrls() {
    return ProviderUrls.of(urls);
  }

  /**
   * One line naming each provider that is not reached at its official address, with the URL and who
   * set it, or null when every provider is.
   */
  @Nullable String notice() {
    Map<String, String> changed = providerUrls().overrides();
    if (changed.isEmpty()) {
      return null;
    }
    StringJoiner line = new StringJoiner(", ", "providers not at their official address: ", "");
    changed.forEach(
        (name, url) -> line.add(name + " at " + url + " (from " + origins.get(name) + ")"));
    return line.toString();
  }
}

package dev.rekey.rotators.http;

import dev.rekey.detectors.Provider;
import dev.rekey.detectors.rules.ProviderCatalog;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The base URL of each provider API rekey talks to: the provider's own by default, overridable (a
 * regional endpoint, a proxy, a loopback server in tests) by the user only: {@code --provider-url
 * NAME=URL}, a file given with {@code --config} or the user's own {@code config.toml} — never by a
 * scanned repository. A URL must be https; plain http is accepted for loopback hosts only, where
 * nothing crosses a network.
 *
 * <p>Supabase's project API is per project: its URL holds {@code {ref}}, the project reference.
 */
public final class ProviderUrls {
  /** Every provider API rekey calls, by key, with its official base URL (from the catalog). */
  public static final Map<String, String> DEFAULTS =
      ProviderCatalog.all().stream()
          .flatMap(provider -> provider.apis().stream())
          .collect(Collectors.toUnmodifiableMap(Provider.Api::key, Provider.Api::baseUrl));

  private final Map<String, String> urls;

  private ProviderUrls(Map<String, String> urls) {
    this.urls = Map.copyOf(urls);
  }

  /** The providers' own URLs. */
  public static ProviderUrls defaults() {
    return new ProviderUrls(DEFAULTS);
  }

  /**
   * The defaults with {@code overrides} (provider name to base URL) in their place.
   *
   * @throws IllegalArgumentException naming the provider when a name is unknown or a URL is not
   *     http(s)
   */
  public static ProviderUrls of(Map<String, String> overrides) {
    Map<String, String> urls = new TreeMap<>(DEFAULTS);
    overrides.forEach(
        (name, url) -> {
          if (!DEFAULTS.containsKey(name)) {
            throw new IllegalArgumentException(
                "unknown provider '"
                    + name
                    + "' for a base URL: use one of "
                    + DEFAULTS.keySet().stream().sorted().toList());
          }
          if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw new IllegalArgumentException(
                "provider " + name + ": base URL '" + url + "' is not an http(s) URL");
          }
          if (url.startsWith("http://") && !loopback(url)) {
            throw new IllegalArgumentException(
                "provider "
                    + name
                    + ": base URL '"
                    + url
                    + "' is plain http, which would send secrets unencrypted: use https (plain"
                    + " http is accepted only for loopback hosts: localhost, 127.0.0.0/8, ::1)");
          }
          urls.put(name, url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        });
    return new ProviderUrls(urls);
  }

  /**
   * Whether the host of {@code url}, an {@code http://} URL, is a loopback name or address (no
   * lookup is made). Parsed by hand: a template such as Supabase's {@code {ref}} is no URI.
   */
  static boolean loopback(String url) {
    String rest = url.substring(url.indexOf("://") + 3);
    int end = rest.length();
    for (char stop : new char[] {'/', '?', '#'}) {
      int at = rest.indexOf(stop);
      end = at >= 0 ? Math.min(end, at) : end;
    }
    String authority = rest.substring(0, end);
    if (authority.contains("@")) {
      return false;
    }
    String host =
        authority.startsWith("[")
            ? authority.substring(1, Math.max(1, authority.indexOf(']')))
            : authority.replaceFirst(":\\d*$", "");
    return host.equalsIgnoreCase("localhost")
        || host.matches("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}")
        || host.equals("::1")
        || host.equals("0:0:0:0:0:0:0:1");
  }

  /** Parses {@code NAME=URL} pairs, as given to {@code --provider-url}. */
  public static Map<String, String> parsePairs(List<String> pairs) {
    Map<String, String> parsed = new TreeMap<>();
    for (String pair : pairs) {
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException(
            "--provider-url " + pair + ": expected NAME=URL, e.g. openai=https://api.openai.com");
      }
      parsed.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
    }
    return parsed;
  }

  /** The base URL of {@code provider}, without a trailing slash. */
  public String base(String provider) {
    String url = urls.get(provider);
    if (url == null) {
      throw new IllegalArgumentException("no base URL for provider " + provider);
    }
    return url;
  }

  /** The base URL of {@code provider}'s main API. */
  public String base(Provider provider) {
    return base(provider.api());
  }

  /** The base URL of {@code api}. */
  public String base(Provider.Api api) {
    return base(api.key());
  }

  /** {@code path} on {@code provider}'s main API. */
  public URI resolve(Provider provider, String path) {
    return resolve(provider.api(), path);
  }

  /** {@code path} on {@code api}. */
  public URI resolve(Provider.Api api, String path) {
    return resolve(api.key(), path);
  }

  /** {@code base + path}; {@code path} starts with a slash and is already encoded. */
  public URI resolve(String provider, String path) {
    return URI.create(base(provider) + path);
  }

  /** Whether the base URL was changed from the provider's own. */
  public boolean overridden(String provider) {
    return !base(provider).equals(DEFAULTS.get(provider));
  }

  /** The providers whose base URL is not their own, by name, with the URL used. */
  public Map<String, String> overrides() {
    Map<String, String> changed = new TreeMap<>();
    urls.keySet().stream().filter(this::overridden).forEach(p -> changed.put(p, urls.get(p)));
    return changed;
  }
}

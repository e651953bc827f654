package dev.rekey.detectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Who issues a kind of credential: one entry of the provider catalog (see {@code
 * rules.ProviderCatalog}), or a provider a configuration's own rule names. Rules point to their
 * provider; verifiers, rotators and base URLs look providers up by it, never by a spelling of their
 * own.
 *
 * @param id stable lower-case id, e.g. {@code openai}: the key of its main API's base URL ({@code
 *     --provider-url openai=…}) and of its concurrency limit
 * @param name the provider as users know it, e.g. {@code OpenAI}: shown in reports
 * @param apis the official base URLs of its APIs that rekey calls, the main one first
 * @param dashboard the page where its keys are created and revoked, or null when none is known
 */
public record Provider(String id, String name, List<Api> apis, @Nullable String dashboard) {

  /**
   * One API of a provider.
   *
   * @param key the name its base URL goes by, e.g. {@code supabase-api}
   * @param baseUrl the official base URL, without a trailing slash; may hold a {@code {ref}}
   *     placeholder for a per-project host
   */
  public record Api(String key, String baseUrl) {}

  public Provider {
    apis = List.copyOf(apis);
  }

  /** A provider without known APIs or dashboard. */
  public static Provider of(String id, String name) {
    return new Provider(id, name, List.of(), null);
  }

  /** The provider a configuration's own rule names: known by name only. */
  public static Provider custom(String name) {
    return of(name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"), name);
  }

  /** Its main API: the first, keyed by its id. */
  public Api api() {
    if (apis.isEmpty()) {
      throw new IllegalStateException(name + ": rekey calls no API of this provider");
    }
    return apis.getFirst();
  }

  /** This provider with one more API, keyed by its id. */
  public Provider withApi(String baseUrl) {
    return withApi(id, baseUrl);
  }

  /** This provider with one more API, keyed by {@code key}. */
  public Provider withApi(String key, String baseUrl) {
    List<Api> more = new ArrayList<>(apis);
    more.add(new Api(key, baseUrl));
    return new Provider(id, name, more, dashboard);
  }

  /** This provider with the page where its keys are managed. */
  public Provider withDashboard(String url) {
    return new Provider(id, name, apis, url);
  }

  /** The name, as users know it: what reports show. */
  @Override
  public String toString() {
    return name;
  }
}

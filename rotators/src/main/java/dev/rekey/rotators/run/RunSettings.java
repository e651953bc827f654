package dev.rekey.rotators.run;

import dev.rekey.rotators.db.PostgresStrategy;
import dev.rekey.rotators.store.StoreSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a rotation run was started with, recorded in its journal's first entry so that resuming,
 * finishing or rolling it back works as it did: the same credentials, store, grace period,
 * PostgreSQL strategy, AWS account and provider base URLs. Never a secret.
 *
 * @param source where the credentials come from
 * @param store where new values go
 * @param grace how long old credentials keep working after finish
 * @param postgres how PostgreSQL roles are rotated
 * @param aws the AWS region, profile and endpoint given, each null when not given
 * @param providerUrls provider base URLs by API name, where not the providers' own
 * @param version the rekey version that started the run
 */
public record RunSettings(
    CredentialSource source,
    StoreSpec store,
    Duration grace,
    PostgresStrategy postgres,
    Aws aws,
    Map<String, String> providerUrls,
    String version) {

  /** The journal keys, one per setting (provider URLs one per API: {@code provider_url.NAME}). */
  private static final String SOURCE = "source";

  private static final String STORE = "store";
  private static final String GRACE = "grace";
  private static final String POSTGRES = "postgres_strategy";
  private static final String URL = "provider_url.";
  private static final String VERSION = "rekey_version";

  /** Written by rekey before provider URLs had a key each: {@code NAME=URL} pairs, spaced. */
  private static final String OLD_URLS = "provider_urls";

  public RunSettings {
    providerUrls = Map.copyOf(new TreeMap<>(providerUrls));
  }

  /**
   * The AWS account a run uses, as given on the command line.
   *
   * @param region the region, or null
   * @param profile the named profile, or null
   * @param endpoint the endpoint URL, or null
   */
  public record Aws(@Nullable String region, @Nullable String profile, @Nullable String endpoint) {
    public static final Aws NONE = new Aws(null, null, null);
  }

  /** The journal's form: flat, non-secret, one key per setting. */
  public Map<String, String> recorded() {
    Map<String, String> recorded = new LinkedHashMap<>();
    recorded.put(SOURCE, source.toString());
    recorded.put(STORE, store.toString());
    recorded.put(GRACE, grace.toString());
    recorded.put(POSTGRES, postgres.label());
    putIfSet(recorded, "aws_region", aws.region());
    putIfSet(recorded, "aws_profile", aws.profile());
    putIfSet(recorded, "aws_endpoint", aws.endpoint());
    providerUrls.forEach((name, url) -> recorded.put(URL + name, url));
    recorded.put(VERSION, version);
    return recorded;
  }

  /** The settings a journal recorded (see {@link #recorded()}). */
  public static RunSettings of(Map<String, String> recorded) {
    Map<String, String> urls = new TreeMap<>();
    String pairs = recorded.getOrDefault(OLD_URLS, "");
    for (String pair : pairs.isBlank() ? List.<String>of() : List.of(pairs.strip().split(" "))) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        urls.put(pair.substring(0, equals), pair.substring(equals + 1));
      }
    }
    recorded.forEach(
        (key, value) -> {
          if (key.startsWith(URL)) {
            urls.put(key.substring(URL.length()), value);
          }
        });
    return new RunSettings(
        CredentialSource.parse(recorded.getOrDefault(SOURCE, "")),
        recorded.containsKey(STORE) ? StoreSpec.parse(recorded.get(STORE)) : StoreSpec.DEFAULT,
        Duration.parse(recorded.getOrDefault(GRACE, "PT0S")),
        // Runs recorded before there was a choice rotated PostgreSQL with the single-user strategy.
        PostgresStrategy.parse(
            recorded.getOrDefault(POSTGRES, PostgresStrategy.SINGLE_USER.label())),
        new Aws(
            recorded.get("aws_region"), recorded.get("aws_profile"), recorded.get("aws_endpoint")),
        urls,
        recorded.getOrDefault(VERSION, ""));
  }

  private static void putIfSet(Map<String, String> map, String key, @Nullable String value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}

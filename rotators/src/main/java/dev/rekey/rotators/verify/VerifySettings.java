package dev.rekey.rotators.verify;

import dev.rekey.rotators.RetryPolicy;
import dev.rekey.rotators.http.ProviderUrls;
import java.time.Duration;

/**
 * How verification runs.
 *
 * @param urls the providers' base URLs
 * @param timeout the limit on one call
 * @param perProvider calls in flight at once to one provider
 * @param network whether checks that reach the user's own hosts (database logins) may run
 * @param canaries canary tokens never to touch
 * @param retry backoff on throttling and server failures, honouring Retry-After
 */
public record VerifySettings(
    ProviderUrls urls,
    Duration timeout,
    int perProvider,
    boolean network,
    CanaryList canaries,
    RetryPolicy retry) {

  public VerifySettings {
    if (perProvider < 1) {
      throw new IllegalArgumentException("at least one call per provider at a time");
    }
  }

  /** The providers' own URLs, 10 s per call, 4 at a time per provider, 3 attempts. */
  public static VerifySettings defaults() {
    return new VerifySettings(
        ProviderUrls.defaults(),
        Duration.ofSeconds(10),
        4,
        false,
        CanaryList.builtIn(),
        new RetryPolicy(
            3,
            Duration.ofMillis(500),
            Duration.ofSeconds(4),
            Duration.ofSeconds(30),
            RetryPolicy.Sleeper.REAL));
  }
}

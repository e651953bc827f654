package dev.rekey.scanner.bundle;

import java.time.Duration;

/**
 * Bounds on fetching a deployed site: a scan of a URL never runs away.
 *
 * @param maxRequests requests made at most, the page's own included
 * @param maxTotalBytes bytes downloaded at most over all requests
 * @param timeout wall-clock time for the whole site
 * @param requestTimeout time for one request, from connecting to the last byte
 */
public record SiteLimits(
    int maxRequests, long maxTotalBytes, Duration timeout, Duration requestTimeout) {

  public SiteLimits {
    if (maxRequests < 1 || maxTotalBytes < 1) {
      throw new IllegalArgumentException("site limits must be positive");
    }
  }

  /** 200 requests, 256 MiB, two minutes in all and 20 seconds a request. */
  public static SiteLimits defaults() {
    return new SiteLimits(200, 256L * 1024 * 1024, Duration.ofMinutes(2), Duration.ofSeconds(20));
  }
}

package dev.rekey.cli.load;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What the load driver saw for one stream of requests: the figure an operator asks for before
 * running a rotation in production.
 *
 * @param stream the stream's name, e.g. {@code postgres}
 * @param requests requests sent
 * @param failures requests that did not answer 200 (the application could not do its work)
 * @param refusals requests the backend refused at first, then served after the application re-read
 *     the secret (what a secret-caching client does; not failures)
 * @param longestGap the longest time between two successful answers (or from the start to the first
 *     one, or from the last one to the end)
 * @param duration from the first request sent to the last (the rate is requests over it)
 * @param failed the first few failures, as the application reported them (never a secret)
 */
public record LoadReport(
    String stream,
    long requests,
    long failures,
    long refusals,
    Duration longestGap,
    Duration duration,
    List<String> failed) {

  public LoadReport {
    failed = List.copyOf(failed);
  }

  /** Requests per second over the whole run. */
  public double rate() {
    double seconds = duration.toNanos() / 1e9;
    return seconds <= 0 ? 0 : requests / seconds;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s: %d requests sent over %.1f s (%.1f req/s), %d failed, %d refused then re-read,"
            + " longest gap %d ms%s",
        stream,
        requests,
        duration.toMillis() / 1000.0,
        rate(),
        failures,
        refusals,
        longestGap.toMillis(),
        failed.isEmpty() ? "" : "; first failures: " + failed);
  }
}

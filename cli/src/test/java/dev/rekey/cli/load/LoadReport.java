package dev.rekey.cli.load;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What the load driver saw for one stream of requests: the figure an operator asks for before
 * running a rotation in production.
 *
 * @param stream the stream's name, e.g. {@code postgres}
 * @param requests requests due (one every {@code 1/rate} seconds)
 * @param failures requests that did not answer 200 (the application could not do its work), or not
 *     within 10 s of being sent, or not at all
 * @param refusals requests the backend refused at first, then served after the application re-read
 *     the secret (what a secret-caching client does; not failures)
 * @param longestGap the longest time between two successful answers (or from the start to the first
 *     one, or from the last one to the end)
 * @param slowest the longest time from a request falling due to its successful answer (waiting for
 *     a free connection included)
 * @param duration from the first request due to the last answer
 * @param failed the first few failures, as the application reported them (never a secret)
 */
public record LoadReport(
    String stream,
    long requests,
    long failures,
    long refusals,
    Duration longestGap,
    Duration slowest,
    Duration duration,
    List<String> failed) {

  public LoadReport {
    failed = List.copyOf(failed);
  }

  /** Requests served (answered 200) per second, from the first falling due to the last answer. */
  public double rate() {
    double seconds = duration.toNanos() / 1e9;
    return seconds <= 0 ? 0 : (requests - failures) / seconds;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s: %d requests over %.1f s, %.1f served/s, %d failed, %d refused then re-read,"
            + " longest gap %d ms, slowest answer %d ms%s",
        stream,
        requests,
        duration.toMillis() / 1000.0,
        rate(),
        failures,
        refusals,
        longestGap.toMillis(),
        slowest.toMillis(),
        failed.isEmpty() ? "" : "; first failures: " + failed);
  }
}

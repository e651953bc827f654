package dev.rekey.cli.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One stream's counts as the driver sees the answers come in. */
final class Tally {
  private static final int KEPT_FAILURES = 5;

  private final String stream;
  private final long start = System.nanoTime();
  private long requests;
  private long failures;
  private long refusals;
  private long successes;
  private long lastSuccess = start;
  private long longestGap;
  private long stoppedAt = Long.MAX_VALUE;
  private final List<String> failed = new ArrayList<>();

  Tally(String stream) {
    this.stream = stream;
  }

  synchronized void sent() {
    requests++;
  }

  synchronized void success(boolean reread) {
    long now = System.nanoTime();
    successes++;
    if (reread) {
      refusals++;
    }
    if (now > lastSuccess) {
      longestGap = Math.max(longestGap, now - lastSuccess);
      lastSuccess = now;
    }
  }

  synchronized void failure(String why) {
    failures++;
    if (failed.size() < KEPT_FAILURES) {
      failed.add(why);
    }
  }

  /** No more requests are sent: the time after this counts in no gap. */
  synchronized void stopped() {
    stoppedAt = System.nanoTime();
  }

  synchronized long successes() {
    return successes;
  }

  synchronized long failures() {
    return failures;
  }

  /** The report so far; the gap after the last success counts up to now. */
  synchronized LoadReport report() {
    long now = Math.min(System.nanoTime(), stoppedAt);
    long gap = Math.max(longestGap, now - lastSuccess);
    return new LoadReport(
        stream,
        requests,
        failures,
        refusals,
        Duration.ofNanos(gap),
        Duration.ofNanos(now - start),
        failed);
  }
}

package dev.rekey.cli.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One stream's counts as the driver sends requests and the answers come in. */
final class Tally {
  private static final int KEPT_FAILURES = 5;

  private final String stream;
  private long start = System.nanoTime();
  private int generation;
  private int inFlight;
  private long requests;
  private long failures;
  private long refusals;
  private long inARow;
  private long lastSuccess = start;
  private long longestGap;
  private long stoppedAt = Long.MAX_VALUE;
  private final List<String> failed = new ArrayList<>();

  Tally(String stream) {
    this.stream = stream;
  }

  /** Counts a request about to be sent; returns the generation its answer belongs to. */
  synchronized int sent() {
    requests++;
    inFlight++;
    return generation;
  }

  synchronized int inFlight() {
    return inFlight;
  }

  /**
   * Counts an answer: {@code failure} null for a success ({@code reread} when the application had
   * to re-read the secret first), else why it failed.
   */
  synchronized void answered(int of, boolean reread, @Nullable String failure) {
    inFlight--;
    if (of != generation) {
      return; // sent before the figures started
    }
    long now = System.nanoTime();
    if (failure != null) {
      failures++;
      inARow = 0;
      if (failed.size() < KEPT_FAILURES) {
        failed.add(failure);
      }
      return;
    }
    inARow++;
    if (reread) {
      refusals++;
    }
    if (now > lastSuccess) {
      longestGap = Math.max(longestGap, now - lastSuccess);
      lastSuccess = now;
    }
  }

  /** Starts the figures afresh; answers to requests sent before are not counted. */
  synchronized void reset() {
    generation++;
    start = System.nanoTime();
    lastSuccess = start;
    requests = 0;
    failures = 0;
    refusals = 0;
    inARow = 0;
    longestGap = 0;
    failed.clear();
  }

  /** No more requests are sent: the time after this counts in no gap. */
  synchronized void stopped() {
    stoppedAt = System.nanoTime();
  }

  /** Successes since the last failure. */
  synchronized long successesInARow() {
    return inARow;
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

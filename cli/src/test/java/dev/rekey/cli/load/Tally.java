package dev.rekey.cli.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One stream's counts as requests fall due and the answers come in. */
final class Tally {
  private static final int KEPT_FAILURES = 5;

  private final String stream;
  private long start = System.nanoTime();
  private int generation;
  private int outstanding;
  private long requests;
  private long failures;
  private long refusals;
  private long inARow;
  private long lastSuccess = start;
  private long lastAnswer = start;
  private long longestGap;
  private long slowest;
  private long stoppedAt = Long.MAX_VALUE;
  private final List<String> failed = new ArrayList<>();

  Tally(String stream) {
    this.stream = stream;
  }

  /** Counts a request falling due; returns the generation its answer belongs to. */
  synchronized int due() {
    requests++;
    outstanding++;
    return generation;
  }

  /** Requests due and not answered yet (waiting to be sent, or sent). */
  synchronized int outstanding() {
    return outstanding;
  }

  /**
   * Counts an answer to a request due at {@code dueNanos}: {@code failure} null for a success
   * ({@code reread} when the application had to re-read the secret first), else why it failed.
   */
  synchronized void answered(int of, long dueNanos, boolean reread, @Nullable String failure) {
    outstanding--;
    if (of != generation) {
      return; // due before the figures started
    }
    long now = System.nanoTime();
    lastAnswer = Math.max(lastAnswer, now);
    if (failure != null) {
      fail(failure);
      return;
    }
    inARow++;
    slowest = Math.max(slowest, now - dueNanos);
    if (reread) {
      refusals++;
    }
    if (now > lastSuccess) {
      longestGap = Math.max(longestGap, now - lastSuccess);
      lastSuccess = now;
    }
  }

  private void fail(String failure) {
    failures++;
    inARow = 0;
    if (failed.size() < KEPT_FAILURES) {
      failed.add(failure);
    }
  }

  /** Starts the figures afresh; answers to requests due before are not counted. */
  synchronized void reset() {
    generation++;
    start = System.nanoTime();
    lastSuccess = start;
    lastAnswer = start;
    requests = 0;
    failures = 0;
    refusals = 0;
    inARow = 0;
    longestGap = 0;
    slowest = 0;
    failed.clear();
  }

  /** No more requests fall due: the time after this counts in no gap. */
  synchronized void stopped() {
    stoppedAt = System.nanoTime();
  }

  /** Counts the requests still unanswered as failed: the driver stops waiting for them. */
  synchronized void abandon() {
    for (int i = 0; i < outstanding; i++) {
      fail("unanswered when the driver stopped");
    }
    outstanding = 0;
    generation++;
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
        Duration.ofNanos(slowest),
        Duration.ofNanos(Math.max(now, lastAnswer) - start),
        failed);
  }
}

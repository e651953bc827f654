package dev.rekey.cli.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The load harness: starts the {@link LoadApp} on loopback and drives a steady rate of requests at
 * each of its streams — one request due every {@code 1/rate} seconds, sent without waiting for the
 * previous answer (see {@link Sender}), so a slow or stuck backend shows as late answers, failures
 * and gaps, never as a lower rate. Every answer is counted: see {@link LoadReport}.
 */
public final class LoadHarness implements AutoCloseable {
  /** How long the application has to answer a request once it is sent: a client's timeout. */
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** How long {@link #stop} waits for the answers still due, queued requests included. */
  private static final Duration DRAIN = Duration.ofSeconds(30);

  private final LoadApp app;
  private final Map<String, Tally> tallies = new LinkedHashMap<>();
  private final HttpClient client = HttpClient.newHttpClient();
  private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();

  private LoadHarness(LoadApp app, int rate) {
    this.app = app;
    long period = TimeUnit.SECONDS.toNanos(1) / rate;
    for (String name : app.names()) {
      Tally tally = new Tally(name);
      tallies.put(name, tally);
      HttpRequest request = HttpRequest.newBuilder(app.uri(name)).timeout(TIMEOUT).build();
      Sender sender = new Sender(client, request, tally);
      ticks.scheduleAtFixedRate(sender::due, 0, period, TimeUnit.NANOSECONDS);
    }
  }

  /**
   * Starts the application with {@code streams} and drives {@code rate} requests per second at
   * each.
   */
  public static LoadHarness start(Map<String, LoadApp.Stream> streams, int rate)
      throws IOException {
    return new LoadHarness(LoadApp.start(streams), rate);
  }

  /** The stream's cache, e.g. to make the application let go of what it holds. */
  public SecretCache cache(String name) {
    return app.stream(name).cache();
  }

  /**
   * Warms up: waits until every stream has served {@code count} requests in a row, then starts the
   * figures afresh. A cold application (class loading, first connections) may fail a few requests;
   * those are not the rotation's.
   */
  public void awaitServed(int count, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    for (Tally tally : tallies.values()) {
      while (tally.successesInARow() < count) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the application does not serve: " + tally.report());
        }
        Thread.sleep(20);
      }
    }
    tallies.values().forEach(Tally::reset);
  }

  /**
   * Whether every stream has served its last {@code count} requests in a row: the application is
   * serving now, whatever happened before.
   */
  public boolean serving(int count) {
    return tallies.values().stream().allMatch(t -> t.successesInARow() >= count);
  }

  /** The figures so far, per stream. */
  public List<LoadReport> reports() {
    return tallies.values().stream().map(Tally::report).toList();
  }

  /** Stops sending, waits for the answers still due, and returns the figures per stream. */
  public List<LoadReport> stop() throws InterruptedException {
    ticks.shutdownNow();
    ticks.awaitTermination(5, TimeUnit.SECONDS);
    tallies.values().forEach(Tally::stopped);
    long deadline = System.nanoTime() + DRAIN.toNanos();
    while (tallies.values().stream().anyMatch(t -> t.outstanding() > 0)
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    tallies.values().forEach(Tally::abandon);
    return reports();
  }

  @Override
  public void close() {
    ticks.shutdownNow();
    client.close();
    app.close();
  }
}

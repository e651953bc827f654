package dev.rekey.cli.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The load harness: starts the {@link LoadApp} on loopback and drives a steady rate of requests at
 * each of its streams — one request every {@code 1/rate} seconds, sent without waiting for the
 * previous answer, so a slow or stuck backend shows as failures and gaps, never as a lower rate.
 * Every answer is counted: see {@link LoadReport}.
 */
public final class LoadHarness implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final int MAX_IN_FLIGHT = 500;

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
      ticks.scheduleAtFixedRate(() -> send(request, tally), 0, period, TimeUnit.NANOSECONDS);
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

  private void send(HttpRequest request, Tally tally) {
    int generation = tally.sent();
    if (tally.inFlight() > MAX_IN_FLIGHT) {
      // The application has stopped answering: a request it cannot take is a failure, and no
      // more connections are opened to it.
      tally.answered(generation, false, "not sent: " + MAX_IN_FLIGHT + " requests unanswered");
      return;
    }
    client
        .sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .whenComplete(
            (response, error) -> {
              if (error != null) {
                tally.answered(
                    generation,
                    false,
                    error.getClass().getSimpleName() + ": " + error.getMessage());
              } else if (response.statusCode() == 200) {
                boolean reread = response.headers().firstValue(LoadApp.REREAD).isPresent();
                tally.answered(generation, reread, null);
              } else {
                tally.answered(generation, false, response.statusCode() + " " + response.body());
              }
            });
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

  /** The figures so far, per stream. */
  public List<LoadReport> reports() {
    return tallies.values().stream().map(Tally::report).toList();
  }

  /** Stops sending, waits for the answers still due, and returns the figures per stream. */
  public List<LoadReport> stop() throws InterruptedException {
    ticks.shutdownNow();
    ticks.awaitTermination(5, TimeUnit.SECONDS);
    tallies.values().forEach(Tally::stopped);
    long deadline = System.nanoTime() + TIMEOUT.toNanos() + TimeUnit.SECONDS.toNanos(1);
    while (tallies.values().stream().anyMatch(t -> t.inFlight() > 0)
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    return reports();
  }

  @Override
  public void close() {
    ticks.shutdownNow();
    client.close();
    app.close();
  }
}

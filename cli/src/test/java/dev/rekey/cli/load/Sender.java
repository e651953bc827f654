package dev.rekey.cli.load;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

/**
 * Sends one stream's requests as they fall due, at most {@link #CONNECTIONS} at a time: a request
 * due while all are busy waits here, and its answer is timed from when it was due, so a slow
 * application shows as late answers and gaps (never as a lower rate), without the driver opening
 * ever more connections to it.
 */
final class Sender {
  static final int CONNECTIONS = 64;

  private final HttpClient client;
  private final HttpRequest request;
  private final Tally tally;
  private final Queue<Due> waiting = new ConcurrentLinkedQueue<>();
  private final Semaphore connections = new Semaphore(CONNECTIONS);

  /** A request that fell due at {@code nanos}, counted in figures {@code generation}. */
  private record Due(int generation, long nanos) {}

  Sender(HttpClient client, HttpRequest request, Tally tally) {
    this.client = client;
    this.request = request;
    this.tally = tally;
  }

  /** A request falls due now. */
  void due() {
    waiting.add(new Due(tally.due(), System.nanoTime()));
    pump();
  }

  /** Sends waiting requests while connections are free (called after every change to either). */
  private void pump() {
    while (!waiting.isEmpty() && connections.tryAcquire()) {
      Due next = waiting.poll();
      if (next == null) {
        connections.release();
      } else {
        send(next);
      }
    }
  }

  private void send(Due due) {
    client
        .sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .whenComplete(
            (response, error) -> {
              if (error != null) {
                tally.answered(
                    due.generation(),
                    due.nanos(),
                    false,
                    error.getClass().getSimpleName() + ": " + error.getMessage());
              } else if (response.statusCode() == 200) {
                boolean reread = response.headers().firstValue(LoadApp.REREAD).isPresent();
                tally.answered(due.generation(), due.nanos(), reread, null);
              } else {
                tally.answered(
                    due.generation(),
                    due.nanos(),
                    false,
                    response.statusCode() + " " + response.body());
              }
              connections.release();
              pump();
            });
  }
}

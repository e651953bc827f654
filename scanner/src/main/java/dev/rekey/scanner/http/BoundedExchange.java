package dev.rekey.scanner.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP exchange bounded as a whole: the status, the headers and every byte of the body must
 * arrive within the time limit, and the body may not exceed the size limit. The JDK's own request
 * timeout stops at the headers, so a server that trickles its body one byte a second could hold a
 * call for ever; here the exchange is cancelled (and its connection closed) when time is up.
 */
public final class BoundedExchange {
  private BoundedExchange() {}

  /**
   * An answer read in full.
   *
   * @param uri the URL that answered
   * @param status the HTTP status
   * @param headers the response headers
   * @param body the body, within the size limit
   */
  @SuppressWarnings("ArrayRecordComponent") // handed on as it is, never compared
  public record Answer(URI uri, int status, HttpHeaders headers, byte[] body) {}

  /** The body went past the size limit; nothing more of it was read. */
  public static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(long limit) {
      super("larger than the size limit (over " + limit + " bytes)");
    }
  }

  /**
   * Sends {@code request} and reads the whole answer within {@code timeout}.
   *
   * @throws HttpTimeoutException when the answer is not complete in time
   * @throws TooLarge when the body exceeds {@code maxBytes}
   * @throws IOException when the exchange fails
   */
  public static Answer send(HttpClient client, HttpRequest request, Duration timeout, long maxBytes)
      throws IOException {
    CompletableFuture<HttpResponse<byte[]>> exchange =
        client.sendAsync(request, info -> new CappedBody(maxBytes));
    try {
      HttpResponse<byte[]> response = exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      return new Answer(response.uri(), response.statusCode(), response.headers(), response.body());
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new HttpTimeoutException(
          "no complete answer within " + Math.max(1, timeout.toSeconds()) + " s");
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException(String.valueOf(cause), cause);
    }
  }

  /** Collects a body, giving up as soon as it passes the limit. */
  private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final long limit;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private Flow.@Nullable Subscription subscription;

    CappedBody(long limit) {
      this.limit = limit;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (body.isDone()) {
        return;
      }
      for (ByteBuffer item : items) {
        if (out.size() + (long) item.remaining() > limit) {
          Flow.Subscription running = subscription;
          if (running != null) {
            running.cancel();
          }
          body.completeExceptionally(new TooLarge(limit));
          return;
        }
        byte[] bytes = new byte[item.remaining()];
        item.get(bytes);
        out.write(bytes, 0, bytes.length);
      }
    }

    @Override
    public void onError(Throwable error) {
      body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      body.complete(out.toByteArray());
    }
  }
}

package dev.rekey.scanner.bundle;

import dev.rekey.scanner.http.BoundedExchange;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Fetches resources of one site within {@link SiteLimits}: same origin only (a redirect to another
 * origin is not followed), a size limit per resource, a request count, a byte budget, and deadlines
 * — each request's and the whole site's — that cover reading the body to its last byte.
 */
final class SiteFetcher {
  /** Redirects followed for one resource, as browsers roughly allow. */
  private static final int MAX_REDIRECTS = 5;

  private final HttpClient client;
  private final SiteLimits limits;
  private final long maxBytes;
  private final long deadline;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicLong bytes = new AtomicLong();
  private volatile @Nullable String origin;

  SiteFetcher(SiteLimits limits, long maxBytes) {
    this.limits = limits;
    this.maxBytes = maxBytes;
    this.deadline = System.nanoTime() + limits.timeout().toNanos();
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(limits.requestTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** A fetched resource: its final URL, status, source map header and body. */
  @SuppressWarnings("ArrayRecordComponent") // the body is handed on as it is, never modified
  record Response(URI uri, int status, @Nullable String sourceMap, byte[] body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /** A limit was reached: nothing more is fetched. */
  static final class LimitReached extends SkippedAsset {
    private static final long serialVersionUID = 1L;

    LimitReached(String message) {
      super(message);
    }
  }

  /** The site's origin ({@code scheme://host:port}), set by the first fetch. */
  @Nullable String origin() {
    return origin;
  }

  /** Whether {@code uri} is on the site's origin. */
  boolean sameOrigin(URI uri) {
    String own = origin;
    return own == null || own.equals(originOf(uri));
  }

  /**
   * Fetches {@code uri}, following redirects on its origin; the first call fixes the origin (that
   * of the URL asked for).
   *
   * @throws LimitReached when a limit stops it
   * @throws IOException when the request fails, redirects to another origin, or the body exceeds
   *     the size limit or the time left
   */
  Response get(URI uri) throws IOException {
    if (origin == null) {
      origin = originOf(uri);
    }
    URI at = uri;
    for (int hop = 0; ; hop++) {
      BoundedExchange.Answer answer = send(at);
      Optional<String> location = answer.headers().firstValue("location");
      if (answer.status() < 300 || answer.status() >= 400 || location.isEmpty()) {
        count(answer.body());
        return new Response(at, answer.status(), sourceMap(answer), answer.body());
      }
      URI next = at.resolve(location.get().strip());
      if (!sameOrigin(next)) {
        throw new IOException(
            "redirected to "
                + next
                + ", another origin: not followed (a scan reads one site); scan that URL itself"
                + " if you mean it");
      }
      if (hop == MAX_REDIRECTS) {
        throw new IOException("more than " + MAX_REDIRECTS + " redirects: not followed further");
      }
      at = next;
    }
  }

  /** One request within the limits left, read in full within the time it may take. */
  private BoundedExchange.Answer send(URI uri) throws IOException {
    if (requests.incrementAndGet() > limits.maxRequests()) {
      throw new LimitReached("the limit of " + limits.maxRequests() + " requests was reached");
    }
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new LimitReached(
          "the time limit of " + limits.timeout().toSeconds() + " s was reached");
    }
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri).header("User-Agent", "rekey (secret scanner)").GET();
    if ("http".equalsIgnoreCase(uri.getScheme())) {
      // No HTTP/2 upgrade on plain http: servers such as Next.js's drop the request that asks.
      builder.version(HttpClient.Version.HTTP_1_1);
    }
    HttpRequest request = builder.build();
    Duration time = Duration.ofNanos(Math.min(left, limits.requestTimeout().toNanos()));
    try {
      return BoundedExchange.send(client, request, time, maxBytes);
    } catch (BoundedExchange.TooLarge e) {
      throw new SkippedAsset(
          "larger than the size limit (over "
              + maxBytes
              + " bytes); raise --max-file-size to scan it");
    } catch (HttpTimeoutException e) {
      throw new IOException("timed out: " + e.getMessage(), e);
    }
  }

  private void count(byte[] body) throws LimitReached {
    if (bytes.addAndGet(body.length) > limits.maxTotalBytes()) {
      throw new LimitReached(
          "the limit of " + limits.maxTotalBytes() + " bytes downloaded was reached");
    }
  }

  private static @Nullable String sourceMap(BoundedExchange.Answer answer) {
    return answer
        .headers()
        .firstValue("sourcemap")
        .or(() -> answer.headers().firstValue("x-sourcemap"))
        .orElse(null);
  }

  /** Why {@code e} happened, for a message: its own words, or its kind when it has none. */
  static String reason(IOException e) {
    if (e.getMessage() != null && !e.getMessage().isBlank()) {
      return e.getMessage();
    }
    return e instanceof java.net.ConnectException
        ? "connection refused"
        : e.getClass().getSimpleName();
  }

  static String originOf(URI uri) {
    String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
    int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    return scheme + "://" + String.valueOf(uri.getHost()).toLowerCase(Locale.ROOT) + ":" + port;
  }
}

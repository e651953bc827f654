package dev.rekey.scanner.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Fetches resources of one site within {@link SiteLimits}: same origin only (after redirects too),
 * a size limit per resource, a request count, a byte budget and a deadline for the whole site.
 */
final class SiteFetcher {
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
            .followRedirects(HttpClient.Redirect.NORMAL)
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
   * Fetches {@code uri}; the first call fixes the origin (that of the final URL).
   *
   * @throws LimitReached when a limit stops it
   * @throws IOException when the request fails or the body exceeds the size limit
   */
  Response get(URI uri) throws IOException {
    HttpResponse<InputStream> response = send(request(uri));
    if (origin == null) {
      origin = originOf(response.uri());
    }
    byte[] body = read(response);
    return new Response(
        response.uri(),
        response.statusCode(),
        response
            .headers()
            .firstValue("sourcemap")
            .or(() -> response.headers().firstValue("x-sourcemap"))
            .orElse(null),
        body);
  }

  /** A GET of {@code uri} within the limits left. */
  private HttpRequest request(URI uri) throws LimitReached {
    if (requests.incrementAndGet() > limits.maxRequests()) {
      throw new LimitReached("the limit of " + limits.maxRequests() + " requests was reached");
    }
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new LimitReached(
          "the time limit of " + limits.timeout().toSeconds() + " s was reached");
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    if ("http".equalsIgnoreCase(uri.getScheme())) {
      // No HTTP/2 upgrade on plain http: servers such as Next.js's drop the request that asks.
      request.version(HttpClient.Version.HTTP_1_1);
    }
    return request
        .timeout(Duration.ofNanos(Math.min(left, limits.requestTimeout().toNanos())))
        .header("User-Agent", "rekey (secret scanner)")
        .GET()
        .build();
  }

  private HttpResponse<InputStream> send(HttpRequest request) throws IOException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw new IOException("timed out", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private byte[] read(HttpResponse<InputStream> response) throws IOException {
    try (InputStream in = response.body()) {
      if (!sameOrigin(response.uri())) {
        return new byte[0];
      }
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (body.length > maxBytes) {
        throw new IOException(
            "larger than the size limit ("
                + maxBytes
                + " bytes); raise --max-file-size to scan it");
      }
      if (bytes.addAndGet(body.length) > limits.maxTotalBytes()) {
        throw new LimitReached(
            "the limit of " + limits.maxTotalBytes() + " bytes downloaded was reached");
      }
      return body;
    }
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

package dev.rekey.rotators.http;

import dev.rekey.rotators.ErrorClass;
import dev.rekey.rotators.RotationException;
import dev.rekey.scanner.http.BoundedExchange;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * Sends {@link ApiRequest}s to providers with a time limit on every call that covers the whole
 * exchange, body included ({@link BoundedExchange}), and a size limit on answers. Throttling and
 * server failures come back as retryable {@link RotationException}s carrying the provider's {@code
 * Retry-After}, so {@link dev.rekey.rotators.RetryPolicy} can back off; every other answer is
 * returned for the caller to judge.
 */
public final class ProviderClient {
  private static final String USER_AGENT = "rekey";

  /** No provider answers a read-only call or a key list with more. */
  private static final long MAX_ANSWER_BYTES = 16L << 20;

  private final HttpClient http;
  private final Duration timeout;
  private final Clock clock;

  public ProviderClient(Duration timeout, Clock clock) {
    this.timeout = timeout;
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** A client with a 15-second timeout. */
  public static ProviderClient standard() {
    return new ProviderClient(Duration.ofSeconds(15), Clock.systemUTC());
  }

  public Duration timeout() {
    return timeout;
  }

  /**
   * Sends the request; returns any answer but a throttle or a server failure.
   *
   * @param what what the call is for, e.g. "OpenAI: list project API keys", for messages
   * @throws RotationException retryable on a timeout, a connection failure, 429 or 5xx
   */
  public ApiResponse send(String what, ApiRequest request) throws RotationException {
    ApiResponse response = exchange(what, request);
    if (response.retryable()) {
      throw new RotationException(
          ErrorClass.RETRYABLE,
          what + ": " + request.describe() + " answered " + response.summary(),
          response.retryAfter(clock.instant()),
          null);
    }
    return response;
  }

  /**
   * Sends the request and requires a 2xx answer.
   *
   * @throws RotationException a user error for 4xx (what to fix), retryable as in {@link #send}
   */
  public ApiResponse expect(String what, ApiRequest request) throws RotationException {
    ApiResponse response = send(what, request);
    if (!response.ok()) {
      throw refused(what, request, response);
    }
    return response;
  }

  /** The user error for a refused call: what failed, the provider's answer, what to check. */
  public static RotationException refused(String what, ApiRequest request, ApiResponse response) {
    String advice =
        switch (response.status()) {
          case 401 -> ": the credential was refused; check it is current and complete";
          case 403 -> ": the credential lacks the permission; use one that has it";
          case 404 -> ": not found; check the id, project or account";
          default -> "";
        };
    return RotationException.user(
        what + ": " + request.describe() + " answered " + response.summary() + advice);
  }

  private ApiResponse exchange(String what, ApiRequest request) throws RotationException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(request.uri()).timeout(timeout).header("User-Agent", USER_AGENT);
    request.headers().forEach(builder::header);
    builder.method(
        request.method(),
        request.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(request.body()));
    try {
      BoundedExchange.Answer answer =
          BoundedExchange.send(http, builder.build(), timeout, MAX_ANSWER_BYTES);
      return new ApiResponse(
          answer.status(),
          answer.headers().map(),
          new String(answer.body(), StandardCharsets.UTF_8));
    } catch (BoundedExchange.TooLarge e) {
      throw RotationException.user(
          what
              + ": "
              + request.describe()
              + " answered with more than "
              + (MAX_ANSWER_BYTES >> 20)
              + " MiB, which no provider sends: check the provider's base URL");
    } catch (HttpTimeoutException e) {
      throw new RotationException(
          ErrorClass.RETRYABLE,
          what + ": " + request.describe() + " did not answer within " + timeout.toSeconds() + "s",
          e);
    } catch (InterruptedIOException e) {
      throw new RotationException(ErrorClass.FATAL, what + ": interrupted", e);
    } catch (IOException e) {
      throw new RotationException(
          ErrorClass.RETRYABLE,
          what
              + ": cannot reach "
              + request.describe()
              + ": "
              + e.getClass().getSimpleName()
              + ": check the network and the provider's base URL",
          e);
    }
  }
}

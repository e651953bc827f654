package dev.rekey.rotators.verify;

import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.http.ApiRequest;
import dev.rekey.rotators.http.ApiResponse;
import dev.rekey.rotators.http.ProviderClient;
import dev.rekey.rotators.http.ProviderUrls;
import java.time.Duration;

/**
 * What a verifier calls through: the providers' base URLs and one HTTP client with a timeout.
 *
 * @param urls the providers' base URLs
 * @param client sends the requests
 */
public record VerifyContext(ProviderUrls urls, ProviderClient client) {

  /** Sends one request; throttles, 5xx and timeouts come back as retryable failures. */
  public ApiResponse send(String what, ApiRequest request) throws RotationException {
    return client.send(what, request);
  }

  public Duration timeout() {
    return client.timeout();
  }
}

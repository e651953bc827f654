package dev.rekey.rotators.provider;

import dev.rekey.detectors.Provider;
import dev.rekey.detectors.SecretValue;
import dev.rekey.rotators.Credential;
import dev.rekey.rotators.ErrorClass;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.http.ApiRequest;
import dev.rekey.rotators.http.ApiResponse;
import dev.rekey.rotators.http.ProviderClient;
import dev.rekey.rotators.http.ProviderUrls;
import dev.rekey.rotators.verify.VerificationRun;
import dev.rekey.scanner.model.Verified;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * What provider rotators and revokers reach providers with: base URLs, one HTTP client with
 * timeouts, the environment holding admin credentials (never recorded in a journal), and the
 * verifiers that prove a new key works and an old one is dead.
 *
 * @param urls the providers' base URLs
 * @param client sends requests
 * @param env the environment: admin credentials such as {@code OPENAI_ADMIN_KEY}
 * @param verification the live verifiers
 */
public record ProviderAccess(
    ProviderUrls urls,
    ProviderClient client,
    Map<String, String> env,
    VerificationRun verification) {

  public ProviderAccess {
    env = Map.copyOf(env);
  }

  /** An admin credential from the environment, if set and not blank. */
  public Optional<SecretValue> admin(String variable) {
    String value = env.get(variable);
    return value == null || value.isBlank()
        ? Optional.empty()
        : Optional.of(SecretValue.of(value.strip()));
  }

  /** {@code path} on {@code provider}'s main API. */
  public URI url(Provider provider, String path) {
    return urls.resolve(provider, path);
  }

  /** {@code path} on {@code api}. */
  public URI url(Provider.Api api, String path) {
    return urls.resolve(api, path);
  }

  /** Sends a request and requires 2xx: 4xx are user errors, 429/5xx/timeouts retryable. */
  public ApiResponse expect(String what, ApiRequest request) throws RotationException {
    return client.expect(what, request);
  }

  /** Sends a request and returns any answer but a throttle or server failure. */
  public ApiResponse send(String what, ApiRequest request) throws RotationException {
    return client.send(what, request);
  }

  /**
   * Proves a new key works: its provider must answer live. A refusal right after creation is
   * retried (keys take a moment to work everywhere); no verifier, or no answer, is accepted as is.
   */
  public String requireLive(Credential key) throws RotationException {
    Verified answer = verification.verifyNow(key);
    return switch (answer.status()) {
      case LIVE -> answer.reason();
      case REVOKED ->
          throw new RotationException(
              ErrorClass.RETRYABLE,
              "the new " + key.provider() + " key does not work yet: " + answer.reason());
      case UNKNOWN, ERROR -> "not verified: " + answer.reason();
    };
  }

  /**
   * Proves the old key is dead after revoking it; a key still accepted is retried (revocation can
   * take a moment to reach every server of a provider).
   *
   * @return what the provider said, for the journal
   */
  public String requireDead(Credential old) throws RotationException {
    if (old.secret() == null) {
      return "not verified: the old value is not known";
    }
    Verified answer = verification.verifyNow(old);
    if (answer.status() == Verified.Status.LIVE) {
      throw new RotationException(
          ErrorClass.RETRYABLE,
          "the old "
              + old.provider()
              + " key is still accepted after revocation: "
              + answer.reason());
    }
    return answer.status().label() + ": " + answer.reason();
  }
}

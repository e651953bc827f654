package dev.rekey.rotators.verify;

import dev.rekey.detectors.Provider;
import dev.rekey.detectors.SecretValue;
import dev.rekey.rotators.Credential;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.http.ApiRequest;
import dev.rekey.rotators.http.ApiResponse;
import dev.rekey.rotators.http.ProviderUrls;
import dev.rekey.scanner.model.Verified;
import java.util.List;
import java.util.Objects;

/**
 * A verifier that makes one HTTP request with the secret and judges the answer: 2xx live, 401
 * revoked, 403 live but not allowed that call, anything else unknown. Most providers need nothing
 * more; those that answer differently (Slack, Google, GitLab, Resend) have verifiers of their own
 * that reuse {@link #judge(String, ApiRequest, ApiResponse)} for the common cases.
 *
 * @param provider the provider asked
 * @param rules the ids of the rules whose secrets it checks
 * @param request builds the request from the secret and the base URLs
 */
public record HttpVerifier(Provider provider, List<String> rules, Request request)
    implements Verifier {

  public HttpVerifier {
    rules = List.copyOf(rules);
  }

  /** Builds the verification request. */
  @FunctionalInterface
  public interface Request {
    ApiRequest build(Credential credential, SecretValue secret, ProviderUrls urls);
  }

  @Override
  public Verified verify(Credential credential, VerifyContext context) throws RotationException {
    SecretValue secret = Objects.requireNonNull(credential.secret(), "verify needs the secret");
    ApiRequest call = request.build(credential, secret, context.urls());
    String label = provider.name();
    return judge(label, call, context.send(label + " verification", call));
  }

  /** The generic reading of an answer. */
  static Verified judge(String label, ApiRequest call, ApiResponse response) {
    String said = label + " answered " + response.summary() + " to " + call.describe();
    if (response.ok()) {
      return Verified.live(said);
    }
    return switch (response.status()) {
      case 401 -> Verified.revoked(said);
      case 403 -> Verified.live(said + " (the key is accepted but not allowed this call)");
      default -> Verified.unknown(said);
    };
  }
}

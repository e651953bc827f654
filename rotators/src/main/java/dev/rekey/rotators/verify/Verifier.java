package dev.rekey.rotators.verify;

import dev.rekey.rotators.Credential;
import dev.rekey.rotators.RotationException;
import dev.rekey.scanner.model.Verified;

/**
 * Asks one provider whether a secret is live, with the cheapest read-only call it documents: no
 * call may cost money or change state.
 */
public interface Verifier {

  /** The provider's name: the key of its base URL and of its concurrency limit, e.g. openai. */
  String provider();

  /** Whether this verifier knows how to check this credential (by its rule id). */
  boolean handles(Credential credential);

  /** Whether the check reaches the user's own hosts rather than a provider (database logins). */
  default boolean reachesUserHosts() {
    return false;
  }

  /**
   * Checks the credential's secret (present: the caller checks).
   *
   * @throws RotationException retryable when the provider throttled, failed or did not answer
   */
  Verified verify(Credential credential, VerifyContext context) throws RotationException;
}

package dev.rekey.rotators.verify;

import dev.rekey.detectors.Provider;
import dev.rekey.rotators.Credential;
import dev.rekey.rotators.RotationException;
import dev.rekey.scanner.model.Verified;
import java.util.List;

/**
 * Asks one provider whether a secret is live, with the cheapest read-only call it documents: no
 * call may cost money or change state.
 */
public interface Verifier {

  /** The provider it asks: its id keys the base URL and the concurrency limit. */
  Provider provider();

  /** The ids of the built-in rules whose secrets it checks. */
  List<String> rules();

  /** Whether this verifier knows how to check this credential (by its rule id). */
  default boolean handles(Credential credential) {
    return rules().contains(credential.ruleId());
  }

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

package dev.rekey.rotators.provider;

import dev.rekey.rotators.Credential;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.StepContext;

/**
 * Revokes a leaked key through its provider's API while the user makes the new key by hand (the
 * provider has no API to create keys, or none rekey may use). A revoker must identify the key
 * positively — the key itself is the request, or exactly one listed hint matches — and refuses
 * otherwise.
 */
public interface Revoker {

  /** Whether this revoker can revoke this credential with what rekey has. */
  boolean handles(Credential credential);

  /** The plan's words, e.g. "revoke it with GitHub's credential-revocation API". */
  String describe(Credential credential);

  /**
   * Revokes the leaked key. Safe to repeat: a key already revoked is not an error.
   *
   * @return what was done, for the journal (never the key)
   */
  String revoke(StepContext context) throws RotationException;
}

package dev.rekey.rotators.store;

import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.SecretPayload;
import java.util.Optional;

/**
 * Where one credential's values are kept, in versions labelled as Secrets Manager labels them:
 * {@link Label#PENDING} (staged, not yet in use), {@link Label#CURRENT} and {@link Label#PREVIOUS}.
 *
 * <p>Every write carries a version id that is also its idempotency key: writing the same version id
 * with the same payload twice is a no-op, so a step repeated after a crash never creates a second
 * version. A new store (GitHub Actions secrets, Vercel, Vault) is one class implementing this
 * interface plus a case in {@link StoreTarget}; stores that cannot read values back (GitHub
 * Actions) keep their versions in a readable store they wrap, since the engine reads the pending
 * value back when it resumes.
 */
public interface Store {

  /** The version labels, as Secrets Manager names them. */
  enum Label {
    PENDING("AWSPENDING"),
    CURRENT("AWSCURRENT"),
    PREVIOUS("AWSPREVIOUS");

    private final String awsName;

    Label(String awsName) {
      this.awsName = awsName;
    }

    public String awsName() {
      return awsName;
    }
  }

  /** What and where, for plans and messages, e.g. {@code aws-secretsmanager:rekey/aws/1a2b3c}. */
  String describe();

  /**
   * Writes {@code payload} as version {@code versionId} labelled {@code label}, creating the secret
   * when missing. Idempotent for the same version id and payload; a different payload under an
   * existing version id is an error.
   */
  void put(String versionId, SecretPayload payload, Label label) throws RotationException;

  /** The payload of version {@code versionId}, or empty when no such version exists. */
  Optional<SecretPayload> read(String versionId) throws RotationException;

  /** The id of the version carrying {@code label}, or empty. */
  Optional<String> version(Label label) throws RotationException;

  /**
   * Makes {@code versionId} current: the version that was current becomes previous, and the pending
   * label is removed. Idempotent.
   */
  void promote(String versionId) throws RotationException;
}

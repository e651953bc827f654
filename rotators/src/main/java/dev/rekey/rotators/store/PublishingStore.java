package dev.rekey.rotators.store;

import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.SecretPayload;
import java.util.Optional;

/**
 * A write-only target (GitHub Actions secrets, Vercel environment variables) in front of a readable
 * store that keeps the versions. A run reads its staged value back when it resumes, and rollback
 * reads the previous one, and neither target can be read: so every version goes to the readable
 * store, and whatever becomes current there is published to the target — at finish, and again when
 * rollback makes the previous value current.
 */
public abstract class PublishingStore implements Store {
  private final Store versions;

  protected PublishingStore(Store versions) {
    this.versions = versions;
  }

  /** Writes the payload's entries to the target; must be safe to repeat. */
  protected abstract void publish(SecretPayload payload) throws RotationException;

  /** The target alone, e.g. {@code github-actions:acme/app}. */
  protected abstract String target();

  @Override
  public String describe() {
    return target() + " (versions in " + versions.describe() + ")";
  }

  @Override
  public void put(String versionId, SecretPayload payload, Label label) throws RotationException {
    versions.put(versionId, payload, label);
    if (label == Label.CURRENT) {
      publish(payload);
    }
  }

  @Override
  public Optional<SecretPayload> read(String versionId) throws RotationException {
    return versions.read(versionId);
  }

  @Override
  public Optional<String> version(Label label) throws RotationException {
    return versions.version(label);
  }

  @Override
  public void promote(String versionId) throws RotationException {
    SecretPayload payload =
        versions
            .read(versionId)
            .orElseThrow(
                () ->
                    RotationException.fatal(
                        versions.describe() + ": version " + versionId + " is gone"));
    publish(payload);
    versions.promote(versionId);
  }
}

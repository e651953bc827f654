package dev.rekey.rotators;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** How the rotation of one credential ended. */
public sealed interface RotationOutcome {

  /** The credential's fingerprint. */
  String fingerprint();

  /** Whether nothing is left to do for this credential. */
  boolean complete();

  /**
   * The new credential is current in the store.
   *
   * @param versionId the store's version id of the new value
   * @param revokeDueAt null when the old credential was revoked; otherwise when {@code rekey rotate
   *     --finish} may revoke it
   */
  record Rotated(String fingerprint, String versionId, @Nullable Instant revokeDueAt)
      implements RotationOutcome {
    @Override
    public boolean complete() {
      return revokeDueAt == null;
    }
  }

  /**
   * The new credential is current, but the old one is still in use, so it was not revoked: it keeps
   * working until {@code rekey rotate --finish} finds it let go (or {@code --force} revokes it).
   *
   * @param versionId the store's version id of the new value
   * @param evidence what showed the old credential in use (never a secret)
   */
  record Held(String fingerprint, String versionId, String evidence) implements RotationOutcome {
    @Override
    public boolean complete() {
      return false;
    }
  }

  /** Nothing was changed, for {@code reason}. */
  record Skipped(String fingerprint, String reason) implements RotationOutcome {
    @Override
    public boolean complete() {
      return false;
    }
  }

  /**
   * The rotation stopped at {@code step}; the journal says what was done and the run can resume.
   *
   * @param errorClass whose failure it was
   * @param reason what failed, why, and what to do
   */
  record Failed(String fingerprint, Step step, ErrorClass errorClass, String reason)
      implements RotationOutcome {
    @Override
    public boolean complete() {
      return false;
    }
  }

  /** The store's current version was moved back to {@code versionId}, the one before the run. */
  record RolledBack(String fingerprint, String versionId) implements RotationOutcome {
    @Override
    public boolean complete() {
      return true;
    }
  }
}

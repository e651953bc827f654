package dev.rekey.rotators;

import java.util.Locale;

/**
 * The steps of a rotation, named after AWS Secrets Manager's rotation protocol, in order.
 *
 * <p>Every rotation runs them in this order; a rotator for which a step has nothing to do still
 * passes through it, so the journal of every run has the same shape.
 */
public enum Step {
  /** Create the new credential and stage it in the store as pending ({@code AWSPENDING}). */
  CREATE,
  /** Apply the new credential where it must be applied (a database role's password). */
  SET,
  /** Prove that the new credential works, against the provider itself. */
  TEST,
  /** Promote the new credential to current ({@code AWSCURRENT}); the old one becomes previous. */
  FINISH,
  /** Revoke the old credential, now or after a grace period. */
  REVOKE;

  /** The name used in plans, journals and logs, e.g. {@code create}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The step with this label. */
  public static Step of(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}

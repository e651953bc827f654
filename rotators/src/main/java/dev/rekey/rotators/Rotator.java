package dev.rekey.rotators;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Rotates one kind of credential. The engine calls the steps in order and records each in the
 * journal; a rotator's steps must be safe to repeat after a crash (the engine repeats a step that
 * started but never finished, and retries a step that failed with a retryable error).
 *
 * <p>The engine owns the store: it stages what {@link #create} returns as pending before {@link
 * #set} runs, promotes it at finish, and hands the staged value back to later steps (read back from
 * the store when the run resumed).
 */
public interface Rotator {

  /** A stable name, recorded in the journal, e.g. {@code aws-iam-access-key}. */
  String name();

  RotationMode mode();

  /** Whether this rotator is meant for this credential. */
  boolean handles(Credential credential);

  /** Why this credential cannot be rotated with what rekey has, or empty when it can. */
  default Optional<String> refusal(Credential credential) {
    return Optional.empty();
  }

  /** What each step will do, for the plan. Offline: planning never reaches the network. */
  List<PlannedStep> steps(Credential credential, Duration grace);

  /**
   * The leaked credential as a payload, stored as current before the first rotation so that
   * rollback has a version to go back to; empty when its value is unknown.
   */
  Optional<SecretPayload> currentPayload(Credential credential);

  /**
   * How to tell, before revoking, whether the old credential is still in use; by default the
   * provider cannot tell and revocation goes ahead.
   */
  default UsageCheck usageCheck(Credential credential) {
    return UsageCheck.none("the provider does not report whether a credential is in use");
  }

  /** Mints the new credential. Called again after a crash only if nothing was staged. */
  SecretPayload create(StepContext context) throws RotationException;

  /** Applies the new credential where it must be applied; nothing by default. */
  default void set(StepContext context, SecretPayload pending) throws RotationException {}

  /** Proves the new credential works, against the provider itself. */
  void test(StepContext context, SecretPayload pending) throws RotationException;

  /** Revokes the old credential and, where the provider allows, proves it no longer works. */
  void revoke(StepContext context, SecretPayload current) throws RotationException;

  /**
   * Brings the previous credential back into service before the store's current label moves back to
   * it (a database password set back, a deactivated key reactivated). Throws a user error when that
   * is no longer possible.
   *
   * @param previous the value before the run, about to become current again
   * @param current the value this run made current
   */
  default void rollBack(StepContext context, SecretPayload previous, SecretPayload current)
      throws RotationException {}
}

package dev.rekey.rotators.run;

import dev.rekey.rotators.InUsePolicy;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.SecretPayload;
import dev.rekey.rotators.Step;
import dev.rekey.rotators.Usage;
import dev.rekey.rotators.UsageCheck;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Before revoke: asks the rotator's {@link UsageCheck} whether the old credential is still in use
 * and, while it is, waits for it to be let go — looking again every {@link #POLL}, for at most the
 * grace. Every look is recorded in the journal as a note, so the run says why it revoked or held.
 */
final class RevokeGate {
  static final Duration POLL = Duration.ofSeconds(1);
  static final String NOTE = "usage_before_revoke";

  private final RotationEngine engine;
  private final CredentialRun context;

  RevokeGate(RotationEngine engine, CredentialRun context) {
    this.engine = engine;
    this.context = context;
  }

  /**
   * Waits while the old credential is in use, at most {@code bound}.
   *
   * @param current the new credential, current since {@code since}
   * @return the last evidence of use when it is still in use after {@code bound}; empty when the
   *     revocation may go ahead
   */
  Optional<Usage.InUse> await(SecretPayload current, Instant since, Duration bound)
      throws RotationException {
    if (engine.inUsePolicy() == InUsePolicy.REVOKE_ANYWAY) {
      context.note(NOTE, "not checked: revoked anyway (--force)");
      return Optional.empty();
    }
    UsageCheck check = context.rotator().usageCheck(context.credential());
    // Counted, not timed: a run under a fixed test clock still ends.
    long looks = bound.toMillis() / POLL.toMillis() + 1;
    for (long look = 1; ; look++) {
      Usage usage = engine.retry().run(() -> check.look(context, current, since), e -> {});
      if (!(usage instanceof Usage.InUse inUse)) {
        context.note(NOTE, usage.evidence());
        return Optional.empty();
      }
      if (look >= looks) {
        context.note(NOTE, inUse.evidence());
        return Optional.of(inUse);
      }
      if (look == 1) {
        engine.emit(
            context.run(),
            context.credential().fingerprint(),
            Step.REVOKE,
            "in-use",
            Duration.ZERO,
            inUse.evidence() + "; waiting up to " + bound + " for it to be let go");
      }
      pause();
    }
  }

  private void pause() throws RotationException {
    try {
      engine.retry().sleeper().sleep(POLL);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RotationException.fatal(
          "interrupted while waiting for the old credential to be let go: resume the run");
    }
  }
}

package dev.rekey.scanner.report;

import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How a rotation run went, credential by credential, as its journal tells it: what the HTML report
 * shows beside each finding when given {@code --journal RUN_ID}.
 *
 * @param id the run id
 * @param outcomes by fingerprint (full), the outcome of each credential of the run
 */
public record RotationRun(String id, Map<String, Outcome> outcomes) {

  public RotationRun {
    outcomes = Map.copyOf(outcomes);
  }

  /** The outcome of the finding with this fingerprint, or null when the run did not cover it. */
  public @Nullable Outcome of(String fingerprint) {
    return outcomes.get(fingerprint);
  }

  /**
   * One credential's outcome.
   *
   * @param state how far it got
   * @param detail a few words: the failed step and why, when revocation falls due
   */
  public record Outcome(State state, String detail) {}

  /** How far a credential's rotation got. */
  public enum State {
    /** Rotated and the old credential revoked. */
    ROTATED,
    /** Rotated; the old credential still works until its revocation (after a grace period). */
    REVOKE_PENDING,
    /** A step failed. */
    FAILED,
    /** Rotated, then moved back to the value before the run. */
    ROLLED_BACK,
    /** Planned but not rotated: refused, no rotator, or left unfinished. */
    NOT_DONE;

    /** The name shown in the report, e.g. {@code revoke-pending}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }
}

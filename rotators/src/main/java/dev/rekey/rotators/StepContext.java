package dev.rekey.rotators;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What a rotator sees while it runs one step of one credential's rotation. */
public interface StepContext {

  Credential credential();

  RunId run();

  /** Every note recorded for this credential in this run so far, across resumes. */
  Map<String, String> notes();

  /** A recorded note, or null. */
  default @Nullable String note(String key) {
    return notes().get(key);
  }

  /**
   * Records a non-secret fact in the journal, durably, before returning. Call it before a call that
   * cannot be made idempotent, so that a resumed run can tell what that call may have done.
   */
  void note(String key, String value);

  /** An idempotency key for a write of this credential in this run, e.g. {@code "pending"}. */
  String idempotencyKey(String purpose);

  /** How to talk to the user (guided rotations). */
  Prompter prompter();

  /** The time now. */
  Instant now();
}

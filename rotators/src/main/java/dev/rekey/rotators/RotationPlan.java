package dev.rekey.rotators;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What rekey will do for one credential, printed before anything changes.
 *
 * @param credential the leaked credential
 * @param rotator the rotator's name, e.g. {@code aws-iam-access-key}
 * @param mode automated or guided
 * @param store where the new value goes, e.g. {@code aws-secretsmanager:rekey/aws/1a2b3c}
 * @param steps the steps in order, each with what it will do
 * @param usageCheck how revoke tells whether the old credential is still in use, or why it cannot
 * @param grace how long the old credential keeps working after finish; zero revokes at once
 * @param refusal why it will be skipped, or null when it will be rotated
 */
public record RotationPlan(
    Credential credential,
    String rotator,
    RotationMode mode,
    String store,
    List<PlannedStep> steps,
    String usageCheck,
    Duration grace,
    @Nullable String refusal) {

  public RotationPlan {
    steps = List.copyOf(steps);
  }

  /** Whether the plan will change anything. */
  public boolean actionable() {
    return refusal == null;
  }
}

package dev.rekey.rotators.aws;

import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.SecretPayload;
import dev.rekey.rotators.StepContext;
import dev.rekey.rotators.Usage;
import dev.rekey.rotators.UsageCheck;
import java.time.Instant;
import software.amazon.awssdk.services.iam.model.AccessKeyLastUsed;

/**
 * IAM {@code GetAccessKeyLastUsed} of the old key: in use while it is used after the new key became
 * current. AWS records last use with a delay, so this sees applications that keep using the old
 * key, not a single request a moment ago; an application that re-reads the store when AWS refuses
 * the key recovers from a revocation it did not see coming.
 */
final class IamKeyLastUse implements UsageCheck {
  private final IamKeys keys;
  private final String oldKey;

  IamKeyLastUse(IamKeys keys, String oldKey) {
    this.keys = keys;
    this.oldKey = oldKey;
  }

  @Override
  public String describe() {
    return "IAM GetAccessKeyLastUsed of "
        + oldKey
        + ": in use while it is used after the new key became current";
  }

  @Override
  public Usage look(StepContext context, SecretPayload current, Instant currentSince)
      throws RotationException {
    AccessKeyLastUsed used = keys.lastUsed(oldKey);
    Instant last = used == null ? null : used.lastUsedDate();
    if (last == null) {
      return new Usage.Idle("IAM has no record of " + oldKey + " being used");
    }
    String where = " (" + used.serviceName() + ", " + used.region() + ")";
    if (UsageCheck.recent(last, currentSince, context.now())) {
      return new Usage.InUse(
          oldKey
              + " was used at "
              + last
              + where
              + ", after the new key became current at "
              + currentSince);
    }
    return new Usage.Idle(oldKey + " was last used at " + last + where);
  }
}

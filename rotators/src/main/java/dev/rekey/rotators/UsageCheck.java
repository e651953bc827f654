package dev.rekey.rotators;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Asks the provider whether the old credential is still in use, before it is revoked: IAM's record
 * of a key's last use, the database sessions still logged in with the old role or password, a
 * provider API's last-use time. Looking never changes anything, so it may be repeated at will.
 *
 * <p>Last-use records count as use when the use came after the new credential became current and
 * within {@link #QUIET} of the look: an application that let go of the old credential stops
 * renewing its last use, and after {@code QUIET} the credential counts as idle. Providers record
 * last use with their own delay (AWS's is not documented and not immediate): the check is as fresh
 * as their record, which is why revoke also honours the grace.
 */
public interface UsageCheck {

  /** How long without use before a credential with a last-use record counts as let go. */
  Duration QUIET = Duration.ofSeconds(3);

  /** What is asked, for the plan, e.g. {@code IAM GetAccessKeyLastUsed of AKIA…}. */
  String describe();

  /**
   * Looks once.
   *
   * @param current the new credential, now current (to log in where looking needs it)
   * @param currentSince when the new credential became current (the finish step)
   */
  Usage look(StepContext context, SecretPayload current, Instant currentSince)
      throws RotationException;

  /**
   * Whether a last use at {@code lastUse} counts as use now. Providers record last use to the
   * second, so the comparison is to the second: a use in the second the new credential became
   * current counts.
   */
  static boolean recent(Instant lastUse, Instant currentSince, Instant now) {
    Instant since = currentSince.isAfter(now.minus(QUIET)) ? currentSince : now.minus(QUIET);
    return !lastUse.isBefore(since.truncatedTo(ChronoUnit.SECONDS));
  }

  /** No check: the provider cannot tell, for {@code why}; revocation goes ahead. */
  static UsageCheck none(String why) {
    return new UsageCheck() {
      @Override
      public String describe() {
        return "not checked: " + why;
      }

      @Override
      public Usage look(StepContext context, SecretPayload current, Instant currentSince) {
        return new Usage.Unknown(why);
      }
    };
  }
}

package dev.rekey.rotators.provider;

import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.SecretPayload;
import dev.rekey.rotators.StepContext;
import dev.rekey.rotators.Usage;
import dev.rekey.rotators.UsageCheck;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code last_used_at} OpenAI's Admin API reports for the old project key: in use while it is
 * used after the new key became current.
 */
final class OpenAiKeyLastUse implements UsageCheck {

  /** Reads the admin API; the rotator supplies it with its admin key. */
  @FunctionalInterface
  interface Admin {
    OpenAiAdmin get() throws RotationException;
  }

  private final Admin admin;

  OpenAiKeyLastUse(Admin admin) {
    this.admin = admin;
  }

  @Override
  public String describe() {
    return "OpenAI's last_used_at of the old project key: in use while it is used after the new"
        + " key became current";
  }

  @Override
  public Usage look(StepContext context, SecretPayload current, Instant currentSince)
      throws RotationException {
    String scope = context.note(ApiKeyRotator.SCOPE);
    String id = context.note(ApiKeyRotator.OLD_KEY_ID);
    if (scope == null || id == null) {
      return new Usage.Unknown("the old key was not identified in OpenAI's list");
    }
    Optional<OpenAiAdmin.ProjectKey> key =
        admin.get().keys(scope.split("/", 2)[0]).stream()
            .filter(k -> k.id().equals(id))
            .findFirst();
    if (key.isEmpty()) {
      return new Usage.Idle("OpenAI no longer lists key " + id);
    }
    Instant last = key.get().lastUsed();
    if (last == null) {
      return new Usage.Idle("OpenAI has no record of key " + id + " being used");
    }
    if (UsageCheck.recent(last, currentSince, context.now())) {
      return new Usage.InUse(
          "OpenAI key "
              + id
              + " was used at "
              + last
              + ", after the new key became current at "
              + currentSince);
    }
    return new Usage.Idle("OpenAI key " + id + " was last used at " + last);
  }
}

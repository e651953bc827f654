package dev.rekey.rotators.aws;

import dev.rekey.detectors.SecretValue;
import dev.rekey.detectors.rules.AwsRules;
import dev.rekey.rotators.Credential;
import dev.rekey.rotators.ErrorClass;
import dev.rekey.rotators.PlannedStep;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.RotationMode;
import dev.rekey.rotators.Rotator;
import dev.rekey.rotators.SecretPayload;
import dev.rekey.rotators.Step;
import dev.rekey.rotators.StepContext;
import dev.rekey.rotators.UsageCheck;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Rotates an IAM user's access key, fully automated, acting with separate admin credentials (AWS
 * quarantines a publicly leaked key's own permissions): a second key for the same user, stored,
 * proven with STS {@code GetCallerIdentity}, then the old key deactivated and deleted.
 *
 * <p>IAM's {@code CreateAccessKey} takes no idempotency token, so the create step first records the
 * user's existing key ids; a key that appears later and is not the staged one was made by an
 * attempt that crashed before storing it, was never used, and is deleted before a new one is made.
 */
public final class IamAccessKeyRotator implements Rotator {
  static final String KEY_ID = "AWS_ACCESS_KEY_ID";
  static final String SECRET = "AWS_SECRET_ACCESS_KEY";

  private final IamKeys keys;
  private final AwsClients clients;

  public IamAccessKeyRotator(AwsClients clients) {
    this.clients = clients;
    this.keys = new IamKeys(clients::iam);
  }

  @Override
  public String name() {
    return "aws-iam-access-key";
  }

  @Override
  public RotationMode mode() {
    return RotationMode.AUTOMATED;
  }

  @Override
  public boolean handles(Credential credential) {
    return credential.ruleId().equals(AwsRules.ACCESS_KEY)
        || credential.ruleId().equals(AwsRules.ACCESS_KEY_ID);
  }

  @Override
  public Optional<String> refusal(Credential credential) {
    if (oldKeyId(credential) == null) {
      return Optional.of(
          "its access key id was not found beside it: find the key in the IAM console ("
              + credential.rotationUrl()
              + ") and rotate it there");
    }
    return Optional.empty();
  }

  @Override
  public List<PlannedStep> steps(Credential credential, Duration grace) {
    String old = String.valueOf(oldKeyId(credential));
    return List.of(
        new PlannedStep(
            Step.CREATE,
            "create a second access key for the IAM user owning "
                + old
                + " (an inactive second key is deleted to stay within AWS's two keys per user;"
                + " an active one stops the run) and stage it as AWSPENDING"),
        new PlannedStep(Step.SET, "nothing to apply: applications read the key from the store"),
        new PlannedStep(Step.TEST, "call STS GetCallerIdentity with the new key"),
        new PlannedStep(
            Step.FINISH, "make the new key AWSCURRENT; the old one becomes AWSPREVIOUS"),
        new PlannedStep(
            Step.REVOKE,
            "deactivate, then delete "
                + old
                + (grace.isZero() ? "" : " after a grace of " + grace)));
  }

  @Override
  public Optional<SecretPayload> currentPayload(Credential credential) {
    String keyId = oldKeyId(credential);
    SecretValue secret = credential.secret();
    if (keyId == null || secret == null || credential.ruleId().equals(AwsRules.ACCESS_KEY_ID)) {
      return Optional.empty();
    }
    Map<String, SecretValue> entries = new LinkedHashMap<>();
    entries.put(KEY_ID, SecretValue.of(keyId, 4));
    entries.put(SECRET, secret);
    return Optional.of(SecretPayload.of(entries));
  }

  @Override
  public UsageCheck usageCheck(Credential credential) {
    String old = oldKeyId(credential);
    return old == null
        ? UsageCheck.none("no access key id to look up")
        : new IamKeyLastUse(keys, old);
  }

  @Override
  public SecretPayload create(StepContext context) throws RotationException {
    String oldKey = requireOldKey(context.credential());
    String user = user(context, oldKey);
    List<AccessKeyMetadata> present = keys.list(user);
    String recorded = context.note("existing_key_ids");
    if (recorded == null) {
      context.note("existing_key_ids", IamKeys.ids(present));
    } else {
      present = keys.deleteOrphans(user, present, Set.of(recorded.split(",")));
    }
    if (present.stream().noneMatch(k -> k.accessKeyId().equals(oldKey))) {
      throw RotationException.user(
          "IAM key "
              + oldKey
              + " no longer exists for user "
              + user
              + ": it was already deleted, so there is nothing to rotate");
    }
    makeRoom(context, user, oldKey, present);
    AccessKey created = keys.create(user);
    context.note("new_key_id", created.accessKeyId());
    Map<String, SecretValue> entries = new LinkedHashMap<>();
    entries.put(KEY_ID, SecretValue.of(created.accessKeyId(), 4));
    entries.put(SECRET, SecretValue.of(created.secretAccessKey()));
    return SecretPayload.of(entries);
  }

  private void makeRoom(
      StepContext context, String user, String oldKey, List<AccessKeyMetadata> present)
      throws RotationException {
    if (present.size() < 2) {
      return;
    }
    AccessKeyMetadata other =
        present.stream().filter(k -> !k.accessKeyId().equals(oldKey)).findFirst().orElseThrow();
    if (other.status() == StatusType.ACTIVE) {
      throw RotationException.user(
          "IAM user "
              + user
              + " already has two access keys ("
              + oldKey
              + " and the active "
              + other.accessKeyId()
              + ") and AWS allows two: deactivate or delete "
              + other.accessKeyId()
              + " if it is unused, then resume this run");
    }
    context.note("deleted_inactive_key_id", other.accessKeyId());
    keys.delete(user, other.accessKeyId());
  }

  @Override
  public void test(StepContext context, SecretPayload pending) throws RotationException {
    String user = user(context, requireOldKey(context.credential()));
    GetCallerIdentityResponse identity;
    try (StsClient sts = clients.sts(pending.get(KEY_ID).reveal(), pending.get(SECRET).reveal())) {
      identity = sts.getCallerIdentity();
    } catch (SdkException e) {
      RotationException failure = AwsErrors.classify("STS GetCallerIdentity with the new key", e);
      // A new key takes a few seconds to work everywhere: an unknown-key answer is retried.
      boolean propagating = String.valueOf(e.getMessage()).contains("InvalidClientTokenId");
      throw propagating
          ? new RotationException(ErrorClass.RETRYABLE, failure.getMessage(), e)
          : failure;
    }
    if (!identity.arn().endsWith("/" + user) && !identity.arn().endsWith(":user/" + user)) {
      throw RotationException.fatal(
          "STS says the new key belongs to "
              + identity.arn()
              + ", not to IAM user "
              + user
              + ": the store holds a key of another user; roll back and inspect it");
    }
  }

  @Override
  public void revoke(StepContext context, SecretPayload current) throws RotationException {
    String oldKey = requireOldKey(context.credential());
    String user = user(context, oldKey);
    if (context.note("old_key_deactivated") == null) {
      keys.setStatus(user, oldKey, StatusType.INACTIVE);
      context.note("old_key_deactivated", oldKey);
    }
    keys.delete(user, oldKey);
  }

  @Override
  public void rollBack(StepContext context, SecretPayload previous, SecretPayload current)
      throws RotationException {
    String oldKey = requireOldKey(context.credential());
    String user = user(context, oldKey);
    if (keys.list(user).stream().noneMatch(k -> k.accessKeyId().equals(oldKey))) {
      throw RotationException.user(
          "IAM key "
              + oldKey
              + " was deleted when it was revoked and cannot come back: the new"
              + " key stays current");
    }
    keys.setStatus(user, oldKey, StatusType.ACTIVE);
  }

  /** The IAM user owning the old key: recorded once, then read from the journal. */
  private String user(StepContext context, String oldKey) throws RotationException {
    String recorded = context.note("iam_user");
    if (recorded != null) {
      return recorded;
    }
    String user = keys.owner(oldKey);
    context.note("iam_user", user);
    return user;
  }

  private static String requireOldKey(Credential credential) throws RotationException {
    String id = oldKeyId(credential);
    if (id == null) {
      throw RotationException.user("no access key id for " + credential.shortFingerprint());
    }
    return id;
  }

  static @Nullable String oldKeyId(Credential credential) {
    String fact = credential.fact(AwsRules.KEY_ID_FACT);
    if (fact != null) {
      return fact;
    }
    SecretValue secret = credential.secret();
    return credential.ruleId().equals(AwsRules.ACCESS_KEY_ID) && secret != null
        ? secret.reveal()
        : null;
  }
}

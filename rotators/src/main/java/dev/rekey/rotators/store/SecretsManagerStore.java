package dev.rekey.rotators.store;

import dev.rekey.rotators.ErrorClass;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.SecretPayload;
import dev.rekey.rotators.aws.AwsErrors;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * One secret in AWS Secrets Manager. Versions are Secrets Manager's own: the version id is the
 * {@code ClientRequestToken} rekey derives from the run and the credential, labels are its staging
 * labels. The secret is created on first write, tagged with the credential and the run.
 */
public final class SecretsManagerStore implements Store {
  private final SecretsManagerClient client;
  private final String name;
  private final Map<String, String> tags;

  /**
   * @param tags set on the secret when rekey creates it, e.g. {@code rekey:credential}
   */
  public SecretsManagerStore(SecretsManagerClient client, String name, Map<String, String> tags) {
    this.client = client;
    this.name = name;
    this.tags = Map.copyOf(tags);
  }

  @Override
  public String describe() {
    return "aws-secretsmanager:" + name;
  }

  @Override
  public void put(String versionId, SecretPayload payload, Label label) throws RotationException {
    ensureSecret();
    Optional<SecretPayload> existing = read(versionId);
    if (existing.isPresent()) {
      if (!existing.get().equals(payload)) {
        throw new RotationException(
            ErrorClass.FATAL,
            describe()
                + ": version "
                + versionId
                + " already holds another value: the store was"
                + " changed outside this run; inspect it before resuming");
      }
      return;
    }
    call(
        "PutSecretValue " + label.awsName(),
        () ->
            client.putSecretValue(
                r ->
                    r.secretId(name)
                        .clientRequestToken(versionId)
                        .secretString(payload.revealJson())
                        .versionStages(label.awsName())));
  }

  @Override
  public Optional<SecretPayload> read(String versionId) throws RotationException {
    GetSecretValueResponse response;
    try {
      response = client.getSecretValue(r -> r.secretId(name).versionId(versionId));
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw AwsErrors.classify(describe() + ": GetSecretValue", e);
    }
    return Optional.of(SecretPayload.fromJson(response.secretString()));
  }

  @Override
  public Optional<String> version(Label label) throws RotationException {
    Optional<DescribeSecretResponse> secret = describeSecret();
    if (secret.isEmpty()) {
      return Optional.empty();
    }
    return secret.get().versionIdsToStages().entrySet().stream()
        .filter(e -> e.getValue().contains(label.awsName()))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  @Override
  public void promote(String versionId) throws RotationException {
    Optional<String> current = version(Label.CURRENT);
    if (current.isEmpty() || !current.get().equals(versionId)) {
      call(
          "UpdateSecretVersionStage AWSCURRENT",
          () ->
              client.updateSecretVersionStage(
                  r ->
                      r.secretId(name)
                          .versionStage(Label.CURRENT.awsName())
                          .moveToVersionId(versionId)
                          .removeFromVersionId(current.orElse(null))));
    }
    Optional<String> pending = version(Label.PENDING);
    if (pending.isPresent()) {
      call(
          "UpdateSecretVersionStage AWSPENDING",
          () ->
              client.updateSecretVersionStage(
                  r ->
                      r.secretId(name)
                          .versionStage(Label.PENDING.awsName())
                          .removeFromVersionId(pending.get())));
    }
  }

  private void ensureSecret() throws RotationException {
    if (describeSecret().isPresent()) {
      return;
    }
    List<Tag> tagList =
        tags.entrySet().stream()
            .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build())
            .toList();
    try {
      client.createSecret(
          r ->
              r.name(name)
                  .description("Rotated by rekey; do not edit by hand mid-run.")
                  .tags(tagList));
    } catch (ResourceExistsException e) {
      // Created by a concurrent or earlier attempt whose answer was lost: the secret is there.
    } catch (SdkException e) {
      throw AwsErrors.classify(describe() + ": CreateSecret", e);
    }
  }

  private Optional<DescribeSecretResponse> describeSecret() throws RotationException {
    try {
      return Optional.of(client.describeSecret(r -> r.secretId(name)));
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw AwsErrors.classify(describe() + ": DescribeSecret", e);
    }
  }

  private void call(String what, Runnable call) throws RotationException {
    try {
      call.run();
    } catch (SdkException e) {
      throw AwsErrors.classify(describe() + ": " + what, e);
    }
  }
}

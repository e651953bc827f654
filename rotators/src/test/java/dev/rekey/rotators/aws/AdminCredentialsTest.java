package dev.rekey.rotators.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rekey.rotators.ErrorClass;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.store.SecretsManagerStore;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * No admin credentials is a user error said once and shortly, not a network failure retried with
 * the SDK's 1,500-character list of every provider it tried.
 */
class AdminCredentialsTest {
  @Test
  void noCredentialsInTheChainSaysWhatToSet() {
    AwsCredentialsProvider none =
        () -> {
          throw SdkClientException.create(
              "Unable to load credentials from any of the providers in the chain".repeat(20));
        };
    SdkClientException thrown =
        catchThrowableOfType(
            SdkClientException.class, () -> new AdminCredentials(none, null).resolveCredentials());
    RotationException e = AwsErrors.classify("IAM ListUsers", thrown);
    assertThat(e.errorClass()).isEqualTo(ErrorClass.USER);
    assertThat(e.getMessage())
        .startsWith("IAM ListUsers: no AWS credentials found")
        .endsWith("set them in the environment or pass --aws-profile NAME")
        .doesNotContain("Unable to load");
  }

  @Test
  void aProfileWithoutCredentialsFailsItsFirstCallAsAUserError() {
    AwsSettings settings =
        new AwsSettings(
            null,
            "rekey-test-no-such-profile",
            URI.create("http://127.0.0.1:9"),
            null,
            Duration.ofSeconds(5));
    try (SecretsManagerClient client = new AwsClients(settings).secretsManager()) {
      SecretsManagerStore store = new SecretsManagerStore(client, "rekey/test", Map.of());
      RotationException e = catchThrowableOfType(RotationException.class, () -> store.read("v1"));
      assertThat(e.errorClass()).isEqualTo(ErrorClass.USER);
      assertThat(e.getMessage())
          .contains("AWS profile rekey-test-no-such-profile gives no credentials")
          .hasSizeLessThan(300);
    }
  }
}

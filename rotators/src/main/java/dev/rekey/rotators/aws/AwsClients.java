package dev.rekey.rotators.aws;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Builds the SDK clients from {@link AwsSettings}: one small HTTP client, a timeout on every call
 * and attempt, and no SDK retries (the rotation engine retries whole steps with its own backoff).
 */
public final class AwsClients {
  private final AwsSettings settings;

  public AwsClients(AwsSettings settings) {
    this.settings = settings;
  }

  public AwsSettings settings() {
    return settings;
  }

  public SecretsManagerClient secretsManager() {
    return configure(SecretsManagerClient.builder(), adminCredentials()).build();
  }

  public IamClient iam() {
    var builder = configure(IamClient.builder(), adminCredentials());
    if (settings.endpoint() == null) {
      builder.region(Region.AWS_GLOBAL); // IAM is a global service with one endpoint
    }
    return builder.build();
  }

  /** An STS client acting with the given credentials: how a new key is proven to work. */
  public StsClient sts(String accessKeyId, String secretAccessKey) {
    AwsCredentials key = AwsBasicCredentials.create(accessKeyId, secretAccessKey);
    return configure(StsClient.builder(), StaticCredentialsProvider.create(key)).build();
  }

  /** An STS client acting with the admin credentials. */
  public StsClient adminSts() {
    return configure(StsClient.builder(), adminCredentials()).build();
  }

  private <B extends AwsClientBuilder<B, ?>> B configure(
      B builder, AwsCredentialsProvider credentials) {
    Duration timeout = settings.callTimeout();
    builder
        .credentialsProvider(credentials)
        .region(Region.of(settings.regionOrDefault()))
        .overrideConfiguration(
            ClientOverrideConfiguration.builder()
                .apiCallTimeout(timeout)
                .apiCallAttemptTimeout(timeout)
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .build());
    if (settings.endpoint() != null) {
      builder.endpointOverride(settings.endpoint());
    }
    if (builder
        instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
      sync.httpClient(
          UrlConnectionHttpClient.builder()
              .connectionTimeout(timeout)
              .socketTimeout(timeout)
              .build());
    }
    return builder;
  }

  private AwsCredentialsProvider adminCredentials() {
    AwsSettings.AdminKey admin = settings.adminKey();
    if (admin != null) {
      AwsCredentials key =
          admin.sessionToken() == null
              ? AwsBasicCredentials.create(admin.accessKeyId(), admin.secretAccessKey().reveal())
              : AwsSessionCredentials.create(
                  admin.accessKeyId(),
                  admin.secretAccessKey().reveal(),
                  admin.sessionToken().reveal());
      return StaticCredentialsProvider.create(key);
    }
    String profile = settings.profile();
    return new AdminCredentials(
        profile != null
            ? ProfileCredentialsProvider.create(profile)
            : DefaultCredentialsProvider.builder().build(),
        profile);
  }
}

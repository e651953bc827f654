package dev.rekey.rotators.verify;

import static dev.rekey.detectors.rules.ProviderCatalog.AWS;

import dev.rekey.detectors.rules.AwsRules;
import dev.rekey.rotators.Credential;
import dev.rekey.rotators.ErrorClass;
import dev.rekey.rotators.RotationException;
import dev.rekey.scanner.model.Verified;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * AWS access keys with STS {@code GetCallerIdentity}, signed (SigV4) by the SDK with the leaked
 * pair: it needs no permission and works even when a policy denies it. {@code InvalidClientTokenId}
 * (unknown key id) and {@code SignatureDoesNotMatch} (the secret no longer belongs to it) mean
 * revoked.
 */
public final class AwsVerifier extends ProviderVerifier {
  static final String KEY_ID = AwsRules.KEY_ID_FACT;

  public AwsVerifier() {
    super(AWS, AwsRules.ACCESS_KEY, AwsRules.ACCESS_KEY_ID);
  }

  @Override
  public Verified verify(Credential credential, VerifyContext context) throws RotationException {
    String keyId = credential.fact(KEY_ID);
    if (keyId == null || credential.ruleId().equals(AwsRules.ACCESS_KEY_ID)) {
      return Verified.unknown("the secret access key was not found beside the key id");
    }
    String secret = Objects.requireNonNull(credential.secret()).reveal();
    try (StsClient sts =
        client(keyId, secret, URI.create(context.urls().base(AWS)), context.timeout())) {
      GetCallerIdentityResponse identity = sts.getCallerIdentity();
      return Verified.live("STS GetCallerIdentity: " + identity.arn());
    } catch (AwsServiceException e) {
      return judge(e);
    } catch (SdkClientException e) {
      throw new RotationException(
          ErrorClass.RETRYABLE, "STS GetCallerIdentity: cannot reach AWS: " + e.getMessage(), e);
    } catch (SdkException e) {
      return Verified.error("STS GetCallerIdentity: " + e.getMessage());
    }
  }

  private static Verified judge(AwsServiceException e) throws RotationException {
    String code =
        e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
            ? ""
            : e.awsErrorDetails().errorCode();
    String said = "STS GetCallerIdentity: " + e.statusCode() + " " + code;
    if (e.isThrottlingException() || e.statusCode() >= 500) {
      throw new RotationException(ErrorClass.RETRYABLE, said, e);
    }
    return switch (code) {
      case "InvalidClientTokenId",
          "SignatureDoesNotMatch",
          "ExpiredToken",
          "ExpiredTokenException" ->
          Verified.revoked(said);
      default ->
          Verified.unknown(
              said + ": " + dev.rekey.rotators.aws.AwsErrors.firstLine(e.getMessage()));
    };
  }

  private static StsClient client(String keyId, String secret, URI endpoint, Duration timeout) {
    return StsClient.builder()
        .region(Region.US_EAST_1)
        .endpointOverride(endpoint)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)))
        .overrideConfiguration(
            ClientOverrideConfiguration.builder()
                .apiCallTimeout(timeout)
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .build())
        .httpClient(
            UrlConnectionHttpClient.builder()
                .connectionTimeout(timeout)
                .socketTimeout(timeout)
                .build())
        .build();
  }
}

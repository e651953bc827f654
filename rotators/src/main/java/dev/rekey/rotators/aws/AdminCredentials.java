package dev.rekey.rotators.aws;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The admin credentials of the run, from a profile or the SDK's default chain: when none can be
 * found, the failure carries a {@link Missing} that says what to set (the SDK's own message lists
 * every provider of its chain with the reason each gave, about 1,500 characters, and was taken for
 * a network failure and retried).
 *
 * @param source the provider that finds them
 * @param profile the profile asked for, or null for the default chain
 */
record AdminCredentials(AwsCredentialsProvider source, @Nullable String profile)
    implements AwsCredentialsProvider {

  @Override
  public AwsCredentials resolveCredentials() {
    try {
      return source.resolveCredentials();
    } catch (SdkClientException e) {
      Missing missing = new Missing(profile, e);
      throw SdkClientException.builder().message(missing.getMessage()).cause(missing).build();
    }
  }

  /** No admin credentials were found: what to set. Never retried, shown once. */
  static final class Missing extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Missing(@Nullable String profile, Throwable cause) {
      super(
          profile == null
              ? "no AWS credentials found (none in AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY,"
                  + " ~/.aws, a web identity, a container or an instance role): set them in the"
                  + " environment or pass --aws-profile NAME"
              : "AWS profile "
                  + profile
                  + " gives no credentials: check ~/.aws/credentials and ~/.aws/config",
          cause,
          false,
          false);
    }
  }
}

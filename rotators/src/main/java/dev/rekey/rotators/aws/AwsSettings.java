package dev.rekey.rotators.aws;

import dev.rekey.detectors.SecretValue;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How to reach AWS: the admin credentials rekey acts with (never the leaked key, whose permissions
 * AWS quarantines once it is public), the region and an endpoint override.
 *
 * @param region the region, or null for the SDK's default chain (then {@code us-east-1})
 * @param profile a named profile from the AWS config files, or null
 * @param endpoint an endpoint for every AWS service (a local emulator), or null for AWS itself
 * @param adminKey explicit admin credentials, or null for the profile or the SDK's default chain
 * @param callTimeout the limit on one API call, retries included
 */
public record AwsSettings(
    @Nullable String region,
    @Nullable String profile,
    @Nullable URI endpoint,
    @Nullable AdminKey adminKey,
    Duration callTimeout) {

  /** Defaults: the SDK's chains, AWS's own endpoints, 30 seconds per call. */
  public static AwsSettings defaults() {
    return new AwsSettings(null, null, null, null, Duration.ofSeconds(30));
  }

  /**
   * Static admin credentials.
   *
   * @param sessionToken for temporary credentials, or null
   */
  public record AdminKey(
      String accessKeyId, SecretValue secretAccessKey, @Nullable SecretValue sessionToken) {}

  /** The region to use: the configured one or {@code us-east-1}. */
  public String regionOrDefault() {
    return region == null ? "us-east-1" : region;
  }
}

package dev.rekey.cli;

import dev.rekey.detectors.SecretValue;
import dev.rekey.rotators.aws.AwsSettings;
import dev.rekey.rotators.run.RunSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The AWS account options of {@code rotate} and {@code rollback}. */
final class AwsOptions {
  @Option(
      names = "--aws-region",
      paramLabel = "REGION",
      description = "AWS region (default: $AWS_REGION, else us-east-1).")
  @Nullable String awsRegion;

  @Option(
      names = "--aws-profile",
      paramLabel = "NAME",
      description = "AWS profile with the admin credentials (default: the SDK's chain).")
  @Nullable String awsProfile;

  @Option(
      names = "--aws-endpoint",
      paramLabel = "URL",
      description =
          "Endpoint for every AWS service, e.g. a local emulator (default: $AWS_ENDPOINT_URL, else AWS).")
  @Nullable String awsEndpoint;

  /** The AWS account as given on the command line, to record in a new run. */
  RunSettings.Aws given() {
    return new RunSettings.Aws(awsRegion, awsProfile, awsEndpoint);
  }

  /** The AWS settings: the options, else those the run recorded, else the environment. */
  AwsSettings settings(Map<String, String> env, RunSettings.Aws recorded) {
    String region =
        first(awsRegion, recorded.region(), env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"));
    String profile = first(awsProfile, recorded.profile());
    String endpoint = first(awsEndpoint, recorded.endpoint(), env.get("AWS_ENDPOINT_URL"));
    AwsSettings.AdminKey admin = null;
    String id = env.get("AWS_ACCESS_KEY_ID");
    String secret = env.get("AWS_SECRET_ACCESS_KEY");
    if (profile == null && id != null && secret != null) {
      String session = env.get("AWS_SESSION_TOKEN");
      admin =
          new AwsSettings.AdminKey(
              id, SecretValue.of(secret), session == null ? null : SecretValue.of(session));
    }
    return new AwsSettings(
        region,
        profile,
        endpoint == null ? null : URI.create(endpoint),
        admin,
        Duration.ofSeconds(30));
  }

  private static @Nullable String first(@Nullable String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }
}

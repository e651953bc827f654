package dev.rekey.cli;

import dev.rekey.detectors.SecretValue;
import dev.rekey.rotators.Prompter;
import dev.rekey.rotators.RetryPolicy;
import dev.rekey.rotators.StepListener;
import dev.rekey.rotators.aws.AwsClients;
import dev.rekey.rotators.aws.AwsSettings;
import dev.rekey.rotators.db.DatabaseSettings;
import dev.rekey.rotators.db.DatabaseUrl;
import dev.rekey.rotators.http.ProviderClient;
import dev.rekey.rotators.http.ProviderUrls;
import dev.rekey.rotators.provider.ProviderAccess;
import dev.rekey.rotators.run.RotationEngine;
import dev.rekey.rotators.run.Rotators;
import dev.rekey.rotators.store.StoreSpec;
import dev.rekey.rotators.verify.CanaryList;
import dev.rekey.rotators.verify.VerificationRun;
import dev.rekey.rotators.verify.VerifierCatalog;
import dev.rekey.rotators.verify.VerifySettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Options shared by {@code rotate} and {@code rollback}: journal, logging, AWS and databases. */
final class RotationOptions {
  @Option(
      names = "--journal-dir",
      paramLabel = "DIR",
      description =
          "Where run journals are kept (default: $REKEY_STATE_DIR, else"
              + " $XDG_STATE_HOME/rekey/runs, else ~/.local/state/rekey/runs).")
  @Nullable Path journalDir;

  @Option(
      names = "--log-format",
      paramLabel = "FORMAT",
      description = "How steps are logged on standard error: text (default) or json.")
  StepLog.Format logFormat = StepLog.Format.TEXT;

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

  @Option(
      names = "--db-admin-url",
      paramLabel = "URL|env:NAME",
      description = {
        "Connection URL of a database account allowed to change passwords, for the server of the"
            + " same host and port; repeatable. Prefer env:NAME, which reads it from that"
            + " environment variable and keeps it out of the process list."
      })
  List<String> dbAdminUrls = new ArrayList<>();

  @Option(
      names = "--provider-url",
      paramLabel = "NAME=URL",
      description =
          "Use URL as provider NAME's API base (a regional endpoint, a proxy); repeatable; recorded"
              + " in the journal for --resume.")
  List<String> providerUrls = new ArrayList<>();

  /** The journal folder, from the option or the environment. */
  Path journalDir(Map<String, String> env) {
    Path dir = journalDir;
    if (dir != null) {
      return dir;
    }
    String state = env.get("REKEY_STATE_DIR");
    if (state != null) {
      return Path.of(state);
    }
    String xdg = env.get("XDG_STATE_HOME");
    if (xdg != null) {
      return Path.of(xdg, "rekey", "runs");
    }
    return Path.of(System.getProperty("user.home"), ".local", "state", "rekey", "runs");
  }

  AwsSettings aws(Map<String, String> env, Map<String, String> recorded) {
    String region =
        first(
            awsRegion,
            recorded.get("aws_region"),
            env.get("AWS_REGION"),
            env.get("AWS_DEFAULT_REGION"));
    String profile = first(awsProfile, recorded.get("aws_profile"));
    String endpoint = first(awsEndpoint, recorded.get("aws_endpoint"), env.get("AWS_ENDPOINT_URL"));
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

  DatabaseSettings databases(Map<String, String> env) {
    List<DatabaseUrl> urls = new ArrayList<>();
    for (String given : dbAdminUrls) {
      String text = given.startsWith("env:") ? env.get(given.substring(4)) : given;
      if (text == null) {
        throw new IllegalArgumentException(
            "--db-admin-url " + given + ": that variable is not set");
      }
      urls.add(
          DatabaseUrl.parse(text)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "--db-admin-url: not a postgres:// or mysql:// URL with a user")));
    }
    return new DatabaseSettings(urls, Duration.ofSeconds(15));
  }

  /**
   * Provider base URLs: those recorded in the run's journal ({@code NAME=URL} pairs joined by
   * spaces; for a new run, those of {@code .rekey.toml}), overridden by {@code --provider-url}.
   */
  Map<String, String> providerUrls(Map<String, String> recorded) {
    String pairs = recorded.getOrDefault("provider_urls", "");
    Map<String, String> urls =
        new TreeMap<>(
            pairs.isBlank()
                ? Map.of()
                : ProviderUrls.parsePairs(List.of(pairs.strip().split(" "))));
    urls.putAll(ProviderUrls.parsePairs(providerUrls));
    return urls;
  }

  /** How provider rotators, revokers and stores reach providers. */
  ProviderAccess providers(Map<String, String> env, Map<String, String> recorded) {
    ProviderUrls urls = ProviderUrls.of(providerUrls(recorded));
    VerifySettings verify =
        new VerifySettings(
            urls,
            Duration.ofSeconds(15),
            4,
            true,
            CanaryList.builtIn(),
            VerifySettings.defaults().retry());
    return new ProviderAccess(
        urls,
        new ProviderClient(Duration.ofSeconds(30), Clock.systemUTC()),
        env,
        new VerificationRun(VerifierCatalog.builtIn(), verify));
  }

  /** The engine for a run with these options, storing into {@code store}. */
  RotationEngine engine(
      StoreSpec store,
      Map<String, String> env,
      Map<String, String> recorded,
      Prompter prompter,
      StepListener listener) {
    AwsClients aws = new AwsClients(aws(env, recorded));
    ProviderAccess providers = providers(env, recorded);
    return new RotationEngine(
        Rotators.builtIn(aws, databases(env), providers),
        store.target(() -> aws, providers),
        prompter,
        listener,
        RetryPolicy.standard(),
        Clock.systemUTC());
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

package dev.rekey.cli;

import dev.rekey.rotators.http.ProviderUrls;
import dev.rekey.rotators.verify.CanaryList;
import dev.rekey.rotators.verify.VerificationRun;
import dev.rekey.rotators.verify.VerifierCatalog;
import dev.rekey.rotators.verify.VerifySettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code rekey scan}'s verification options: after the scan, ask each secret's own provider whether
 * it is live. Off by default: a scan makes no network connection unless asked.
 */
final class VerifyOptions {
  @Option(
      names = "--verify",
      description =
          "Ask each secret's own provider whether it is live (one read-only call per secret; never"
              + " a canary token). Adds 'verified' to each finding.")
  boolean verify;

  @Option(
      names = "--verify-network",
      description =
          "With --verify, also try database URLs with one login to their own host (implies --verify).")
  boolean network;

  @Option(
      names = "--verify-only-live",
      description = "Report only the findings verified live (implies --verify).")
  boolean onlyLive;

  @Option(
      names = "--provider-url",
      paramLabel = "NAME=URL",
      description =
          "Use URL as provider NAME's API base (a regional endpoint, a proxy; https, or http to a"
              + " loopback host); repeatable. Also [providers.NAME] url in"
              + " ~/.config/rekey/config.toml or a --config file (never a repository's).")
  List<String> providerUrls = new ArrayList<>();

  @Option(
      names = "--verify-timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "Limit on each verification call, covering the whole answer, body included (default:"
              + " 10s).")
  Duration timeout = Duration.ofSeconds(10);

  @Option(
      names = "--verify-concurrency",
      paramLabel = "N",
      description = "Verification calls in flight at once per provider (default: 4).")
  int perProvider = 4;

  @Option(
      names = "--canary",
      paramLabel = "ACCOUNT|PREFIX",
      description =
          "Never verify secrets from this AWS account id or starting with this prefix (canary"
              + " tokens); adds to the built-in list; repeatable.")
  List<String> canaries = new ArrayList<>();

  boolean requested() {
    return verify || network || onlyLive;
  }

  /**
   * The verification settings, or null when verification was not asked for. Called before the scan,
   * so that a bad value stops rekey before any work.
   *
   * @param urls the base URLs the user chose ({@link ProviderChoice})
   * @throws IllegalArgumentException for a bad option value
   */
  @Nullable VerifySettings settings(ProviderUrls urls) {
    if (!requested()) {
      return null;
    }
    if (perProvider < 1) {
      throw new IllegalArgumentException("--verify-concurrency must be at least 1");
    }
    return new VerifySettings(
        urls,
        timeout,
        perProvider,
        network,
        CanaryList.builtInWith(canaries),
        VerifySettings.defaults().retry());
  }

  /**
   * The verification the report runs, or null when it was not asked for.
   *
   * @param urls the base URLs the user chose ({@link ProviderChoice})
   */
  @Nullable VerificationRun run(ProviderUrls urls) {
    VerifySettings settings = settings(urls);
    return settings == null ? null : new VerificationRun(VerifierCatalog.builtIn(), settings);
  }
}

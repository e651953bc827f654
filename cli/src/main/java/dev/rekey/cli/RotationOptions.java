package dev.rekey.cli;

import dev.rekey.rotators.InUsePolicy;
import dev.rekey.rotators.Prompter;
import dev.rekey.rotators.RetryPolicy;
import dev.rekey.rotators.StepListener;
import dev.rekey.rotators.aws.AwsClients;
import dev.rekey.rotators.db.DatabaseSettings;
import dev.rekey.rotators.db.DatabaseUrl;
import dev.rekey.rotators.db.PostgresStrategy;
import dev.rekey.rotators.http.ProviderClient;
import dev.rekey.rotators.http.ProviderUrls;
import dev.rekey.rotators.journal.JournalEntry;
import dev.rekey.rotators.provider.ProviderAccess;
import dev.rekey.rotators.run.RotationEngine;
import dev.rekey.rotators.run.RotationRuns;
import dev.rekey.rotators.run.Rotators;
import dev.rekey.rotators.run.RunSettings;
import dev.rekey.rotators.verify.CanaryList;
import dev.rekey.rotators.verify.VerificationRun;
import dev.rekey.rotators.verify.VerifierCatalog;
import dev.rekey.rotators.verify.VerifySettings;
import dev.rekey.scanner.report.InertText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options shared by {@code rotate} and {@code rollback}: journal, logging, AWS, databases,
 * providers.
 */
final class RotationOptions {
  @Mixin JournalDirOption journal = new JournalDirOption();

  @Option(
      names = "--log-format",
      paramLabel = "FORMAT",
      description = "How steps are logged on standard error: text (default) or json.")
  StepLog.Format logFormat = StepLog.Format.TEXT;

  @Mixin AwsOptions aws = new AwsOptions();

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
          "Use URL as provider NAME's API base (a regional endpoint, a proxy; https, or http to a"
              + " loopback host); repeatable; recorded in the journal for --resume. Also"
              + " [providers.NAME] url in ~/.config/rekey/config.toml (never a repository's).")
  List<String> providerUrls = new ArrayList<>();

  /** The journal folder, from the option or the environment. */
  Path journalDir(Map<String, String> env) {
    return journal.dir(env);
  }

  DatabaseSettings databases(Map<String, String> env, PostgresStrategy postgres) {
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
    return new DatabaseSettings(urls, Duration.ofSeconds(15), postgres);
  }

  /**
   * Provider base URLs: the user's configuration file, then {@code recorded} (those of the run's
   * journal), then {@code --provider-url}.
   *
   * @throws IllegalArgumentException naming the file or option at fault
   */
  ProviderChoice providers(Map<String, String> env, Map<String, String> recorded) {
    ProviderChoice.Recorded journal =
        recorded.isEmpty() ? null : new ProviderChoice.Recorded(recorded, "the run's journal");
    return ProviderChoice.of(env, null, journal, providerUrls);
  }

  /** Tells the user, before any call, which providers are not reached at their own address. */
  void announce(PrintWriter err, Map<String, String> env, Map<String, String> recorded) {
    String notice = providers(env, recorded).notice();
    if (notice != null) {
      err.println("rekey: " + InertText.lines(notice));
    }
  }

  /** How provider rotators, revokers and stores reach providers. */
  ProviderAccess access(Map<String, String> env, Map<String, String> recorded) {
    ProviderUrls urls = providers(env, recorded).providerUrls();
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

  /** The engine for a run with these settings and options. */
  RotationEngine engine(
      RunSettings settings,
      Map<String, String> env,
      Prompter prompter,
      StepListener listener,
      InUsePolicy inUse) {
    AwsClients clients = new AwsClients(aws.settings(env, settings.aws()));
    ProviderAccess providers = access(env, settings.providerUrls());
    return new RotationEngine(
        Rotators.builtIn(clients, databases(env, settings.postgres()), providers),
        settings.store().target(() -> clients, providers),
        prompter,
        listener,
        RetryPolicy.standard(),
        Clock.systemUTC(),
        inUse);
  }

  /** The runs journaled where these options say, each engine built by {@code engines}. */
  RotationRuns runs(
      Map<String, String> env,
      Function<RunSettings, RotationEngine> engines,
      Consumer<JournalEntry> afterWrite) {
    return new RotationRuns(journalDir(env), engines, afterWrite, Clock.systemUTC());
  }
}

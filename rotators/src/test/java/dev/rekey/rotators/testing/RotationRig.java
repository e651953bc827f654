package dev.rekey.rotators.testing;

import dev.rekey.rotators.Credential;
import dev.rekey.rotators.RotationOutcome;
import dev.rekey.rotators.RotationPlan;
import dev.rekey.rotators.RunId;
import dev.rekey.rotators.StepListener;
import dev.rekey.rotators.aws.AwsClients;
import dev.rekey.rotators.aws.AwsSettings;
import dev.rekey.rotators.db.DatabaseSettings;
import dev.rekey.rotators.http.ProviderClient;
import dev.rekey.rotators.http.ProviderUrls;
import dev.rekey.rotators.journal.Journal;
import dev.rekey.rotators.provider.ProviderAccess;
import dev.rekey.rotators.run.RotationEngine;
import dev.rekey.rotators.run.Rotators;
import dev.rekey.rotators.store.StoreSpec;
import dev.rekey.rotators.verify.CanaryList;
import dev.rekey.rotators.verify.VerificationRun;
import dev.rekey.rotators.verify.VerifierCatalog;
import dev.rekey.rotators.verify.VerifySettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs rotations with every built-in rotator against loopback providers, into a store in a
 * temporary folder, with a scripted user and a retry policy that records its waits.
 */
public final class RotationRig {
  public final LoopbackProviders servers;
  public final ScriptedPrompter user = new ScriptedPrompter();
  public final RecordingSleeper sleeper = new RecordingSleeper();
  public final Map<String, String> env = new HashMap<>();

  /** The limit on each provider call. */
  public Duration timeout = Duration.ofSeconds(5);

  private final Path dir;
  private final RunId run = new RunId("test-run");

  public RotationRig(Path dir, LoopbackProviders servers) {
    this.dir = dir;
    this.servers = servers;
  }

  public ProviderUrls urls() {
    Map<String, String> urls = new HashMap<>(servers.urlOverrides());
    if (urls.containsKey("supabase")) {
      urls.put("supabase", servers.base("supabase") + "/{ref}");
    }
    return ProviderUrls.of(urls);
  }

  public ProviderAccess access() {
    ProviderClient client = new ProviderClient(timeout, Clock.systemUTC());
    VerifySettings settings =
        new VerifySettings(urls(), timeout, 4, false, CanaryList.builtIn(), sleeper.policy(2));
    return new ProviderAccess(
        urls(), client, env, new VerificationRun(VerifierCatalog.builtIn(), settings));
  }

  public RotationEngine engine(String store) {
    ProviderAccess access = access();
    AwsClients aws = new AwsClients(AwsSettings.defaults());
    return new RotationEngine(
        Rotators.builtIn(aws, DatabaseSettings.defaults(), access),
        StoreSpec.parse(store).target(() -> aws, access),
        user,
        StepListener.NONE,
        sleeper.policy(3),
        Clock.systemUTC());
  }

  /** The default store: a dotenv file in the rig's folder. */
  public String dotenv() {
    return "dotenv:" + dir.resolve("app.env");
  }

  public String storedFile() throws IOException {
    return Files.readString(dir.resolve("app.env"));
  }

  public Path journal() {
    return dir.resolve("run.jsonl");
  }

  public RotationPlan plan(Credential credential) {
    return engine(dotenv()).plan(credential, Duration.ZERO);
  }

  /** Plans and runs (or resumes) the rotation of one credential into {@code store}. */
  public RotationOutcome rotate(Credential credential, String store) {
    RotationEngine engine = engine(store);
    RotationPlan plan = engine.plan(credential, Duration.ZERO);
    try (Journal journal = Journal.open(journal(), e -> {})) {
      engine.begin(journal, Map.of("store", store), List.of(plan));
      return engine.run(run, journal, List.of(plan), false).getFirst();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public RotationOutcome rotate(Credential credential) {
    return rotate(credential, dotenv());
  }

  public RunId run() {
    return run;
  }
}

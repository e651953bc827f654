package dev.rekey.cli;

import dev.rekey.rotators.Credential;
import dev.rekey.rotators.RotationPlan;
import dev.rekey.rotators.RunId;
import dev.rekey.rotators.journal.Journal;
import dev.rekey.rotators.journal.JournalEntry;
import dev.rekey.rotators.journal.JournalState;
import dev.rekey.rotators.run.RotationEngine;
import dev.rekey.rotators.store.StoreSpec;
import dev.rekey.scanner.pipeline.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A run as its journal records it, reopened for {@code --resume}, {@code --finish} or {@code
 * rollback}: the credentials are found again in the recorded source and planned again.
 *
 * @param missing fingerprints the journal names that the source no longer yields
 */
record RecordedRun(
    RunId run,
    Journal journal,
    JournalState state,
    StoreSpec store,
    List<RotationPlan> plans,
    List<String> missing) {

  /** The journal file of a run. */
  static Path file(Path dir, RunId run) {
    return dir.resolve(run.value() + ".jsonl");
  }

  /**
   * Reopens a run.
   *
   * @param engines builds the engine from the run's recorded settings
   * @param afterWrite the journal's after-write hook
   */
  static RecordedRun open(
      Path dir,
      RunId run,
      Function<Map<String, String>, RotationEngine> engines,
      Consumer<JournalEntry> afterWrite)
      throws IOException, SourceException {
    Path file = file(dir, run);
    if (!Files.exists(file)) {
      throw new IOException(
          "no journal for run " + run + " in " + dir + ": check the run id, or pass --journal-dir");
    }
    Journal journal = Journal.open(file, afterWrite);
    JournalState state = JournalState.of(journal.entries());
    Map<String, String> settings = state.settings();
    CredentialSource source = CredentialSource.parse(settings.getOrDefault("source", ""));
    Duration grace = Duration.parse(settings.getOrDefault("grace", "PT0S"));
    RotationEngine engine = engines.apply(settings);
    Map<String, Credential> found = new LinkedHashMap<>();
    for (Credential credential : source.load()) {
      found.putIfAbsent(credential.fingerprint(), credential);
    }
    List<RotationPlan> plans = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String fingerprint : state.credentials()) {
      Credential credential = found.get(fingerprint);
      if (credential == null) {
        missing.add(fingerprint);
      } else {
        plans.add(engine.plan(credential, grace));
      }
    }
    StoreSpec store = StoreSpec.parse(settings.getOrDefault("store", "aws-sm"));
    return new RecordedRun(run, journal, state, store, plans, missing);
  }
}

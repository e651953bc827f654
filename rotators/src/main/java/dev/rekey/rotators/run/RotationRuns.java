package dev.rekey.rotators.run;

import dev.rekey.rotators.Credential;
import dev.rekey.rotators.RotationPlan;
import dev.rekey.rotators.RunId;
import dev.rekey.rotators.journal.Journal;
import dev.rekey.rotators.journal.JournalEntry;
import dev.rekey.rotators.journal.JournalState;
import dev.rekey.scanner.pipeline.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Rotation runs, by run id: {@link #start} one from confirmed plans, or {@link #open} a recorded
 * one to resume, finish or roll back. Each run's journal lives in one folder; its first entry
 * records the {@link RunSettings}, so a reopened run finds its credentials, store and accounts
 * again. The order of journal and engine calls is kept here, not by callers.
 */
public final class RotationRuns {
  private final Path dir;
  private final Function<RunSettings, RotationEngine> engines;
  private final Consumer<JournalEntry> afterWrite;
  private final Clock clock;

  /**
   * Runs journaled in {@code dir}.
   *
   * @param engines builds the engine for a run's settings (stores, accounts, prompts)
   * @param afterWrite called after each journal entry is durable (a no-op but in tests that stop
   *     the process there)
   */
  public RotationRuns(
      Path dir,
      Function<RunSettings, RotationEngine> engines,
      Consumer<JournalEntry> afterWrite,
      Clock clock) {
    this.dir = dir;
    this.engines = engines;
    this.afterWrite = afterWrite;
    this.clock = clock;
  }

  /** The plan for each credential under {@code settings}: offline, nothing changes. */
  public List<RotationPlan> plan(RunSettings settings, List<Credential> credentials) {
    RotationEngine engine = engines.apply(settings);
    return credentials.stream().map(c -> engine.plan(c, settings.grace())).toList();
  }

  /** Starts a new run of the confirmed plans: its journal records the settings and the plans. */
  public RotationRun start(RunSettings settings, List<RotationPlan> confirmed) throws IOException {
    RunId id = RunId.next(clock.instant());
    Journal journal = Journal.open(file(id), afterWrite);
    RotationEngine engine = engines.apply(settings);
    engine.begin(journal, settings.recorded(), confirmed);
    return new RotationRun(id, journal, engine, settings, confirmed, List.of());
  }

  /**
   * Reopens a recorded run: its credentials are found again in the recorded source and planned
   * again; those the source no longer yields are listed as missing.
   *
   * @param notes receives what the user must know about the source's scan ({@link
   *     CredentialSource#load})
   */
  public RotationRun open(RunId id, Consumer<String> notes) throws IOException, SourceException {
    Path file = file(id);
    if (!Files.exists(file)) {
      throw new IOException(
          "no journal for run " + id + " in " + dir + ": check the run id, or pass --journal-dir");
    }
    Journal journal = Journal.open(file, afterWrite);
    JournalState state = JournalState.of(journal.entries());
    RunSettings settings = RunSettings.of(state.settings());
    RotationEngine engine = engines.apply(settings);
    Map<String, Credential> found = new LinkedHashMap<>();
    for (Credential credential : settings.source().load(notes, notes)) {
      found.putIfAbsent(credential.fingerprint(), credential);
    }
    List<RotationPlan> plans = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String fingerprint : state.credentials()) {
      Credential credential = found.get(fingerprint);
      if (credential == null) {
        missing.add(fingerprint);
      } else {
        plans.add(engine.plan(credential, settings.grace()));
      }
    }
    engine.begin(journal, state.settings(), plans);
    return new RotationRun(id, journal, engine, settings, plans, missing);
  }

  /** The journal file of a run. */
  public Path file(RunId id) {
    return file(dir, id);
  }

  /** The journal file of run {@code id} in {@code dir}, for readers that run nothing. */
  public static Path file(Path dir, RunId id) {
    return dir.resolve(id.value() + ".jsonl");
  }
}

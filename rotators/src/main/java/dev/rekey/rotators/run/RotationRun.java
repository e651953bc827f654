package dev.rekey.rotators.run;

import dev.rekey.rotators.RotationOutcome;
import dev.rekey.rotators.RotationPlan;
import dev.rekey.rotators.RunId;
import dev.rekey.rotators.journal.Journal;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One rotation run, open on its journal (see {@link RotationRuns}). Run, finish or roll it back,
 * then close it; each call skips what the journal shows as done, so a run stopped anywhere reaches
 * the same end state when reopened.
 */
public final class RotationRun implements AutoCloseable {
  private final RunId id;
  private final Journal journal;
  private final RotationEngine engine;
  private final RunSettings settings;
  private final List<RotationPlan> plans;
  private final List<String> missing;

  RotationRun(
      RunId id,
      Journal journal,
      RotationEngine engine,
      RunSettings settings,
      List<RotationPlan> plans,
      List<String> missing) {
    this.id = id;
    this.journal = journal;
    this.engine = engine;
    this.settings = settings;
    this.plans = List.copyOf(plans);
    this.missing = List.copyOf(missing);
  }

  public RunId id() {
    return id;
  }

  /** The journal file. */
  public Path journalFile() {
    return journal.file();
  }

  public RunSettings settings() {
    return settings;
  }

  /** The plans of the credentials still found. */
  public List<RotationPlan> plans() {
    return plans;
  }

  /** Fingerprints the run names that its source no longer yields. */
  public List<String> missing() {
    return missing;
  }

  /** Runs every step not yet done; revocations deferred by a grace period stay deferred. */
  public List<RotationOutcome> proceed() {
    return engine.run(id, journal, plans, false);
  }

  /** Runs every step not yet done, and the deferred revocations that are due. */
  public List<RotationOutcome> finish() {
    return engine.run(id, journal, plans, true);
  }

  /** Moves each finished credential back to the version before the run. */
  public List<RotationOutcome> rollback() {
    return engine.rollback(id, journal, plans);
  }

  @Override
  public void close() throws IOException {
    journal.close();
  }
}

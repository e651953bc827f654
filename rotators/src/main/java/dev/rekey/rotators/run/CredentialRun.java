package dev.rekey.rotators.run;

import dev.rekey.rotators.Credential;
import dev.rekey.rotators.IdempotencyKey;
import dev.rekey.rotators.Prompter;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.RotationOutcome;
import dev.rekey.rotators.RotationPlan;
import dev.rekey.rotators.Rotator;
import dev.rekey.rotators.RunId;
import dev.rekey.rotators.SecretPayload;
import dev.rekey.rotators.Step;
import dev.rekey.rotators.StepContext;
import dev.rekey.rotators.Usage;
import dev.rekey.rotators.journal.Journal;
import dev.rekey.rotators.journal.JournalEntry;
import dev.rekey.rotators.journal.JournalState;
import dev.rekey.rotators.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One credential's rotation within a run: runs the steps the journal does not show as done,
 * recording each before and after it happens. It is the {@link StepContext} its rotator sees.
 */
final class CredentialRun implements StepContext {
  private final RotationEngine engine;
  private final RunId run;
  private final Journal journal;
  private final RotationPlan plan;
  private final Rotator rotator;
  private final Store store;
  private final Map<String, String> notes;
  private Step current = Step.CREATE;
  private @Nullable SecretPayload pending;

  CredentialRun(
      RotationEngine engine, RunId run, Journal journal, RotationPlan plan, Rotator rotator) {
    this.engine = engine;
    this.run = run;
    this.journal = journal;
    this.plan = plan;
    this.rotator = rotator;
    this.store = engine.stores().open(plan.credential(), run);
    this.notes = new LinkedHashMap<>(state().notes(fingerprint()));
  }

  /** Runs the remaining steps; at {@code finishing}, a deferred revocation that is due too. */
  RotationOutcome execute(boolean finishing) {
    JournalState state = state();
    if (state.rollback(fingerprint()) != null) {
      return new RotationOutcome.Skipped(fingerprint(), "rolled back in run " + run);
    }
    for (Step step : Step.values()) {
      if (state.done(fingerprint(), step)) {
        continue;
      }
      if (step == Step.REVOKE) {
        Instant due = revokeDue(state, finishing);
        if (due != null) {
          return new RotationOutcome.Rotated(fingerprint(), pendingVersion(), due);
        }
        Optional<RotationOutcome> held = holdWhileInUse(state);
        if (held.isPresent()) {
          return held.get();
        }
      }
      Optional<RotationOutcome> failed = runStep(step);
      if (failed.isPresent()) {
        return failed.get();
      }
    }
    return new RotationOutcome.Rotated(fingerprint(), pendingVersion(), null);
  }

  /** When a deferred revocation falls due, recording the deferral; null when it is due now. */
  private @Nullable Instant revokeDue(JournalState state, boolean finishing) {
    Duration grace = plan.grace();
    if (grace.isZero()) {
      return null;
    }
    Instant due = state.revokeDueAt(fingerprint());
    if (due == null) {
      due = now().plus(grace);
      journal.append(
          JournalEntry.STEP,
          fingerprint(),
          Step.REVOKE.label(),
          JournalEntry.DEFERRED,
          Map.of("due_at", due.toString()));
      engine.emit(run, fingerprint(), Step.REVOKE, "deferred", Duration.ZERO, "due at " + due);
    }
    return finishing && !now().isBefore(due) ? null : due;
  }

  /**
   * Holds the revocation while the old credential is in use, after waiting for it at most the
   * grace: the outcome then says so and the old credential keeps working.
   */
  private Optional<RotationOutcome> holdWhileInUse(JournalState state) {
    current = Step.REVOKE;
    Instant since = state.doneAt(fingerprint(), Step.FINISH);
    try {
      Optional<Usage.InUse> inUse =
          new RevokeGate(engine, this)
              .await(pending(), since == null ? now() : since, plan.grace());
      if (inUse.isEmpty()) {
        return Optional.empty();
      }
      String evidence = inUse.get().evidence();
      journal.append(
          JournalEntry.STEP,
          fingerprint(),
          Step.REVOKE.label(),
          JournalEntry.HELD,
          Map.of("in_use", evidence));
      engine.emit(run, fingerprint(), Step.REVOKE, "held", Duration.ZERO, evidence);
      return Optional.of(new RotationOutcome.Held(fingerprint(), pendingVersion(), evidence));
    } catch (RotationException e) {
      return Optional.of(failed(Step.REVOKE, e, now()));
    }
  }

  private Optional<RotationOutcome> runStep(Step step) {
    current = step;
    journal.append(JournalEntry.STEP, fingerprint(), step.label(), JournalEntry.STARTED, Map.of());
    Instant start = now();
    engine.emit(run, fingerprint(), step, "started", Duration.ZERO, "");
    try {
      Map<String, String> result =
          engine
              .retry()
              .run(
                  () -> perform(step),
                  e ->
                      engine.emit(
                          run,
                          fingerprint(),
                          step,
                          "retrying",
                          since(start),
                          String.valueOf(e.getMessage())));
      journal.append(JournalEntry.STEP, fingerprint(), step.label(), JournalEntry.DONE, result);
      engine.emit(run, fingerprint(), step, "done", since(start), "");
      return Optional.empty();
    } catch (RotationException e) {
      return Optional.of(failed(step, e, start));
    }
  }

  private RotationOutcome failed(Step step, RotationException e, Instant start) {
    String reason = String.valueOf(e.getMessage());
    journal.append(
        JournalEntry.STEP,
        fingerprint(),
        step.label(),
        JournalEntry.FAILED,
        Map.of("error_class", e.errorClass().name().toLowerCase(Locale.ROOT), "reason", reason));
    engine.emit(run, fingerprint(), step, "failed", since(start), reason);
    return new RotationOutcome.Failed(fingerprint(), step, e.errorClass(), reason);
  }

  private Map<String, String> perform(Step step) throws RotationException {
    switch (step) {
      case CREATE -> create();
      case SET -> rotator.set(this, pending());
      case TEST -> rotator.test(this, pending());
      case FINISH -> store.promote(pendingVersion());
      case REVOKE -> rotator.revoke(this, pending());
    }
    return step == Step.CREATE || step == Step.FINISH
        ? Map.of("version_id", pendingVersion(), "store", store.describe())
        : Map.of();
  }

  /** Stages the new value, unless an earlier attempt already did: the new key is never lost. */
  private void create() throws RotationException {
    Optional<SecretPayload> staged = store.read(pendingVersion());
    if (staged.isPresent()) {
      pending = staged.get();
      return;
    }
    Optional<SecretPayload> old = rotator.currentPayload(credential());
    if (old.isPresent() && store.version(Store.Label.CURRENT).isEmpty()) {
      String previous = idempotencyKey("previous");
      store.put(previous, old.get(), Store.Label.CURRENT);
      note("previous_version_id", previous);
    }
    SecretPayload created = rotator.create(this);
    store.put(pendingVersion(), created, Store.Label.PENDING);
    pending = created;
  }

  private SecretPayload pending() throws RotationException {
    SecretPayload value = pending;
    if (value == null) {
      value =
          store
              .read(pendingVersion())
              .orElseThrow(
                  () ->
                      RotationException.fatal(
                          "the new value (version "
                              + pendingVersion()
                              + ") is missing from "
                              + store.describe()
                              + ": it was removed outside this run; start a new rotation"));
      pending = value;
    }
    return value;
  }

  private String pendingVersion() {
    return idempotencyKey("pending");
  }

  private JournalState state() {
    return JournalState.of(journal.entries());
  }

  private Duration since(Instant start) {
    return Duration.between(start, now());
  }

  private String fingerprint() {
    return plan.credential().fingerprint();
  }

  @Override
  public Credential credential() {
    return plan.credential();
  }

  @Override
  public RunId run() {
    return run;
  }

  @Override
  public Map<String, String> notes() {
    return java.util.Collections.unmodifiableMap(notes);
  }

  @Override
  public void note(String key, String value) {
    journal.append(JournalEntry.NOTE, fingerprint(), current.label(), null, Map.of(key, value));
    notes.put(key, value);
  }

  @Override
  public String idempotencyKey(String purpose) {
    return IdempotencyKey.of(run.value(), fingerprint(), purpose);
  }

  @Override
  public Prompter prompter() {
    return engine.prompter();
  }

  @Override
  public Instant now() {
    return engine.clock().instant();
  }

  Store store() {
    return store;
  }

  Rotator rotator() {
    return rotator;
  }
}

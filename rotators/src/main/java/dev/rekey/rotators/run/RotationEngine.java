package dev.rekey.rotators.run;

import dev.rekey.rotators.Credential;
import dev.rekey.rotators.ErrorClass;
import dev.rekey.rotators.InUsePolicy;
import dev.rekey.rotators.PlannedStep;
import dev.rekey.rotators.Prompter;
import dev.rekey.rotators.RetryPolicy;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.RotationOutcome;
import dev.rekey.rotators.RotationPlan;
import dev.rekey.rotators.Rotator;
import dev.rekey.rotators.RotatorCatalog;
import dev.rekey.rotators.RunId;
import dev.rekey.rotators.SecretPayload;
import dev.rekey.rotators.Step;
import dev.rekey.rotators.StepEvent;
import dev.rekey.rotators.StepListener;
import dev.rekey.rotators.journal.Journal;
import dev.rekey.rotators.journal.JournalEntry;
import dev.rekey.rotators.journal.JournalState;
import dev.rekey.rotators.store.Store;
import dev.rekey.rotators.store.StoreTarget;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Plans and runs rotations. Planning is offline; running records every step in the run's journal
 * before and after it happens, so a run stopped anywhere resumes from its journal to the same end
 * state. A fatal failure stops the run; a user error stops only that credential's rotation.
 */
public final class RotationEngine {
  private final RotatorCatalog rotators;
  private final StoreTarget stores;
  private final Prompter prompter;
  private final StepListener listener;
  private final RetryPolicy retry;
  private final Clock clock;
  private final InUsePolicy inUse;

  /** An engine that never revokes a credential its provider shows in use. */
  public RotationEngine(
      RotatorCatalog rotators,
      StoreTarget stores,
      Prompter prompter,
      StepListener listener,
      RetryPolicy retry,
      Clock clock) {
    this(rotators, stores, prompter, listener, retry, clock, InUsePolicy.WAIT);
  }

  public RotationEngine(
      RotatorCatalog rotators,
      StoreTarget stores,
      Prompter prompter,
      StepListener listener,
      RetryPolicy retry,
      Clock clock,
      InUsePolicy inUse) {
    this.rotators = rotators;
    this.stores = stores;
    this.prompter = prompter;
    this.listener = listener;
    this.retry = retry;
    this.clock = clock;
    this.inUse = inUse;
  }

  /** The plan for one credential: offline, nothing changes. */
  public RotationPlan plan(Credential credential, Duration grace) {
    Rotator rotator = rotators.forCredential(credential);
    return new RotationPlan(
        credential,
        rotator.name(),
        rotator.mode(),
        stores.describe(credential),
        withCaveat(rotator.steps(credential, grace), stores.revokeCaveat(credential)),
        rotator.usageCheck(credential).describe(),
        grace,
        rotator.refusal(credential).orElse(null));
  }

  /** The steps, the revoke step saying what the store needs first. */
  private static List<PlannedStep> withCaveat(List<PlannedStep> steps, Optional<String> caveat) {
    if (caveat.isEmpty()) {
      return steps;
    }
    return steps.stream()
        .map(
            s ->
                s.step() == Step.REVOKE
                    ? new PlannedStep(s.step(), s.description() + ". " + caveat.get())
                    : s)
        .toList();
  }

  /** Records the run's settings and its plans, unless the journal already holds them. */
  public void begin(Journal journal, Map<String, String> settings, List<RotationPlan> plans) {
    JournalState state = JournalState.of(journal.entries());
    if (state.settings().isEmpty()) {
      // The confirmed credentials go in the run entry itself: a crash before every plan entry is
      // written still leaves a journal that names them all.
      Map<String, String> run = new LinkedHashMap<>(settings);
      run.put(
          "credentials",
          String.join(",", plans.stream().map(p -> p.credential().fingerprint()).toList()));
      journal.append(JournalEntry.RUN, null, null, null, run);
    }
    for (RotationPlan plan : plans) {
      if (state.plan(plan.credential().fingerprint()).isEmpty()) {
        journal.append(JournalEntry.PLAN, plan.credential().fingerprint(), null, null, data(plan));
      }
    }
  }

  /**
   * Runs the plans, skipping the steps the journal shows as done. With {@code finishing}, deferred
   * revocations that are due run too.
   */
  public List<RotationOutcome> run(
      RunId run, Journal journal, List<RotationPlan> plans, boolean finishing) {
    List<RotationOutcome> outcomes = new ArrayList<>();
    boolean stopped = false;
    for (RotationPlan plan : plans) {
      String fingerprint = plan.credential().fingerprint();
      RotationOutcome outcome;
      if (stopped) {
        outcome = new RotationOutcome.Skipped(fingerprint, "the run stopped at an earlier error");
      } else if (plan.refusal() != null) {
        outcome = new RotationOutcome.Skipped(fingerprint, plan.refusal());
        emit(run, fingerprint, null, "skipped", Duration.ZERO, plan.refusal());
      } else {
        outcome = new CredentialRun(this, run, journal, plan, rotator(plan)).execute(finishing);
        stopped = outcome instanceof RotationOutcome.Failed f && f.errorClass() != ErrorClass.USER;
      }
      outcomes.add(outcome);
    }
    return outcomes;
  }

  /**
   * Moves each finished credential's store back to the version before the run, after its rotator
   * brought the previous credential back into service.
   */
  public List<RotationOutcome> rollback(RunId run, Journal journal, List<RotationPlan> plans) {
    List<RotationOutcome> outcomes = new ArrayList<>();
    for (RotationPlan plan : plans) {
      outcomes.add(rollback(run, journal, plan));
    }
    return outcomes;
  }

  private RotationOutcome rollback(RunId run, Journal journal, RotationPlan plan) {
    String fingerprint = plan.credential().fingerprint();
    JournalState state = JournalState.of(journal.entries());
    if (!state.done(fingerprint, Step.FINISH)) {
      return new RotationOutcome.Skipped(
          fingerprint, "not finished in this run: the old credential is still current");
    }
    if (JournalEntry.DONE.equals(state.rollback(fingerprint))) {
      String version = state.notes(fingerprint).getOrDefault("rollback_version_id", "");
      return new RotationOutcome.RolledBack(fingerprint, version);
    }
    CredentialRun context = new CredentialRun(this, run, journal, plan, rotator(plan));
    Store store = context.store();
    try {
      Optional<String> target = rollbackTarget(state, fingerprint, store);
      if (target.isEmpty()) {
        return new RotationOutcome.Skipped(
            fingerprint, store.describe() + " has no previous version to go back to");
      }
      journal.append(
          JournalEntry.ROLLBACK,
          fingerprint,
          null,
          JournalEntry.STARTED,
          Map.of("rollback_version_id", target.get()));
      SecretPayload previous = readVersion(store, target.get());
      SecretPayload current = readVersion(store, context.idempotencyKey("pending"));
      retry.run(
          () -> {
            context.rotator().rollBack(context, previous, current);
            return true;
          },
          e -> {});
      retry.run(
          () -> {
            store.promote(target.get());
            return true;
          },
          e -> {});
      journal.append(
          JournalEntry.ROLLBACK,
          fingerprint,
          null,
          JournalEntry.DONE,
          Map.of("rollback_version_id", target.get()));
      emit(run, fingerprint, null, "rolled-back", Duration.ZERO, "current is " + target.get());
      return new RotationOutcome.RolledBack(fingerprint, target.get());
    } catch (RotationException e) {
      emit(run, fingerprint, null, "failed", Duration.ZERO, String.valueOf(e.getMessage()));
      return new RotationOutcome.Failed(
          fingerprint, Step.FINISH, e.errorClass(), String.valueOf(e.getMessage()));
    }
  }

  /** The version to go back to: the one a started rollback named, else the store's previous. */
  private static Optional<String> rollbackTarget(
      JournalState state, String fingerprint, Store store) throws RotationException {
    Map<String, String> notes = state.notes(fingerprint);
    String recorded = notes.getOrDefault("rollback_version_id", notes.get("previous_version_id"));
    return recorded != null ? Optional.of(recorded) : store.version(Store.Label.PREVIOUS);
  }

  private static SecretPayload readVersion(Store store, String versionId) throws RotationException {
    return store
        .read(versionId)
        .orElseThrow(
            () ->
                RotationException.fatal(store.describe() + ": version " + versionId + " is gone"));
  }

  private Rotator rotator(RotationPlan plan) {
    return rotators
        .named(plan.rotator())
        .orElseThrow(() -> new IllegalStateException("unknown rotator " + plan.rotator()));
  }

  private static Map<String, String> data(RotationPlan plan) {
    Map<String, String> data = new LinkedHashMap<>();
    Credential credential = plan.credential();
    data.put("rule", credential.ruleId());
    data.put("provider", credential.provider());
    data.put("rotator", plan.rotator());
    data.put("mode", plan.mode().label());
    data.put("store", plan.store());
    data.put("grace", plan.grace().toString());
    if (!credential.leakedAt().isEmpty()) {
      data.put("leaked_at", credential.leakedAt().getFirst());
    }
    if (plan.refusal() != null) {
      data.put("refusal", plan.refusal());
    }
    return data;
  }

  void emit(
      RunId run,
      String fingerprint,
      @Nullable Step step,
      String outcome,
      Duration took,
      String message) {
    listener.on(new StepEvent(run, fingerprint, step, outcome, took, message));
  }

  StoreTarget stores() {
    return stores;
  }

  Prompter prompter() {
    return prompter;
  }

  RetryPolicy retry() {
    return retry;
  }

  Clock clock() {
    return clock;
  }

  InUsePolicy inUsePolicy() {
    return inUse;
  }
}

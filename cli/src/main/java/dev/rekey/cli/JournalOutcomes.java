package dev.rekey.cli;

import dev.rekey.rotators.RunId;
import dev.rekey.rotators.Step;
import dev.rekey.rotators.journal.Journal;
import dev.rekey.rotators.journal.JournalState;
import dev.rekey.rotators.run.RotationRuns;
import dev.rekey.scanner.report.RotationRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How each credential of a rotation run fared, as its journal tells it, for the HTML report. Reads
 * the journal only (it holds ids and outcomes, never a secret); nothing is rescanned or called.
 */
final class JournalOutcomes {
  private JournalOutcomes() {}

  static RotationRun read(Path dir, RunId run) throws IOException {
    Path file = RotationRuns.file(dir, run);
    if (!Files.isRegularFile(file)) {
      throw new IOException(
          "no journal for run " + run + " in " + dir + ": check the run id, or pass --journal-dir");
    }
    JournalState state = JournalState.of(Journal.read(file));
    Map<String, RotationRun.Outcome> outcomes = new LinkedHashMap<>();
    for (String fingerprint : state.credentials()) {
      outcomes.put(fingerprint, outcome(state, fingerprint, run));
    }
    return new RotationRun(run.value(), outcomes);
  }

  static RotationRun.Outcome outcome(JournalState state, String fingerprint, RunId run) {
    String rollback = state.rollback(fingerprint);
    if (rollback != null) {
      return new RotationRun.Outcome(RotationRun.State.ROLLED_BACK, "rollback " + rollback);
    }
    if (state.done(fingerprint, Step.REVOKE)) {
      return new RotationRun.Outcome(RotationRun.State.ROTATED, "old credential revoked");
    }
    Instant due = state.revokeDueAt(fingerprint);
    if (due != null) {
      return new RotationRun.Outcome(
          RotationRun.State.REVOKE_PENDING, "old credential revoked from " + due + " on");
    }
    if (state.done(fingerprint, Step.FINISH)) {
      return new RotationRun.Outcome(
          RotationRun.State.REVOKE_PENDING,
          "old credential not revoked yet: rekey rotate --resume " + run);
    }
    String reason = state.notes(fingerprint).get("reason");
    if (reason != null) {
      return new RotationRun.Outcome(RotationRun.State.FAILED, reason);
    }
    String refusal = state.plan(fingerprint).get("refusal");
    return new RotationRun.Outcome(
        RotationRun.State.NOT_DONE,
        refusal != null ? refusal : "not finished: rekey rotate --resume " + run);
  }
}

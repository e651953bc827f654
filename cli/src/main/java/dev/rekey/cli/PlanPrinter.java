package dev.rekey.cli;

import dev.rekey.rotators.Credential;
import dev.rekey.rotators.PlannedStep;
import dev.rekey.rotators.RotationOutcome;
import dev.rekey.rotators.RotationPlan;
import java.io.PrintWriter;
import java.util.List;

/** Prints plans before anything changes, and outcomes after. Secrets appear redacted only. */
final class PlanPrinter {
  private final PrintWriter out;

  PlanPrinter(PrintWriter out) {
    this.out = InertWriter.wrap(out);
  }

  void plan(RotationPlan plan, int index, int count) {
    Credential credential = plan.credential();
    out.printf(
        "Plan %d of %d: %s %s %s (%s, fingerprint %s)%n",
        index,
        count,
        credential.provider(),
        credential.kind(),
        credential.redacted(),
        credential.ruleId(),
        credential.shortFingerprint());
    List<String> leaks = credential.leakedAt();
    out.printf(
        "  leaked at: %s%s%n",
        leaks.isEmpty() ? "?" : leaks.getFirst(),
        leaks.size() > 1 ? " (and " + (leaks.size() - 1) + " more)" : "");
    out.printf("  rotation:  %s (%s)%n", plan.mode().label(), plan.rotator());
    out.printf("  store:     %s%n", plan.store());
    if (plan.refusal() != null) {
      out.printf("  skipped:   %s%n%n", plan.refusal());
      return;
    }
    out.println("  steps:");
    for (PlannedStep step : plan.steps()) {
      out.printf("    %-7s %s%n", step.step().label(), step.description());
    }
    out.printf("  in use:    %s%n", plan.usageCheck());
    out.println();
    out.flush();
  }

  void outcome(RotationOutcome outcome) {
    String id = outcome.fingerprint().substring(0, 12);
    switch (outcome) {
      case RotationOutcome.Rotated r when r.revokeDueAt() == null ->
          out.printf(
              "%s rotated: new version %s is current, the old credential is revoked%n",
              id, r.versionId());
      case RotationOutcome.Rotated r ->
          out.printf(
              "%s rotated: new version %s is current; the old credential is revoked by"
                  + " 'rekey rotate --finish' from %s%n",
              id, r.versionId(), r.revokeDueAt());
      case RotationOutcome.Held h ->
          out.printf(
              "%s rotated: new version %s is current; the old credential is still in use, so it"
                  + " is not revoked: %s%n",
              id, h.versionId(), h.evidence());
      case RotationOutcome.Skipped s -> out.printf("%s skipped: %s%n", id, s.reason());
      case RotationOutcome.Failed f ->
          out.printf(
              "%s failed at %s (%s): %s%n",
              id, f.step().label(), f.errorClass().label(), f.reason());
      case RotationOutcome.RolledBack b ->
          out.printf("%s rolled back: version %s is current again%n", id, b.versionId());
    }
    out.flush();
  }
}

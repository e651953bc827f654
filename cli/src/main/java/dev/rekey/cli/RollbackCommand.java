package dev.rekey.cli;

import dev.rekey.rotators.ErrorClass;
import dev.rekey.rotators.InUsePolicy;
import dev.rekey.rotators.RotationOutcome;
import dev.rekey.rotators.RunId;
import dev.rekey.rotators.run.RotationRun;
import dev.rekey.rotators.run.RotationRuns;
import dev.rekey.scanner.pipeline.SourceException;
import dev.rekey.scanner.report.InertText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code rekey rollback RUN_ID}: make the values before a run current again. */
@Command(
    name = "rollback",
    mixinStandardHelpOptions = true,
    description = {
      "Move each credential of a run back to the value it had before the run.",
      "%nThe store's AWSCURRENT label goes back to the previous version, after the old credential"
          + " is brought back into service (database password set back, IAM key reactivated)."
          + " Impossible once the old credential was deleted at revoke.",
      ""
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  every finished credential rolled back",
      "  1  some could not be rolled back (see why)",
      "  2  usage or operational error"
    })
final class RollbackCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ParentCommand RekeyCommand parent;

  @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run to roll back.")
  String runId;

  @Mixin RotationOptions options;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      StepLog log = new StepLog(options.logFormat, spec.commandLine().getErr());
      RotationRuns runs =
          options.runs(
              parent.env(),
              settings ->
                  options.engine(
                      settings,
                      parent.env(),
                      ConsolePrompter.forTerminal(parent.terminal(), out),
                      log,
                      InUsePolicy.WAIT),
              parent.journalWatcher());
      try (RotationRun run =
          runs.open(new RunId(runId), w -> err.println("rekey: " + InertText.lines(w)))) {
        options.announce(err, parent.env(), run.settings().providerUrls());
        List<RotationOutcome> outcomes = run.rollback();
        PlanPrinter printer = new PlanPrinter(out);
        outcomes.forEach(printer::outcome);
        if (outcomes.stream()
            .anyMatch(
                o -> o instanceof RotationOutcome.Failed f && f.errorClass() != ErrorClass.USER)) {
          return ExitCode.ERROR;
        }
        boolean all = outcomes.stream().allMatch(o -> o instanceof RotationOutcome.RolledBack);
        return all && run.missing().isEmpty() ? ExitCode.CLEAN : ExitCode.FINDINGS;
      }
    } catch (IllegalArgumentException | IOException | UncheckedIOException | SourceException e) {
      err.println("rekey: " + InertText.lines(String.valueOf(e.getMessage())));
      return ExitCode.ERROR;
    }
  }
}

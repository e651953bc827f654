package dev.rekey.cli;

import dev.rekey.rotators.Credential;
import dev.rekey.rotators.ErrorClass;
import dev.rekey.rotators.InUsePolicy;
import dev.rekey.rotators.Prompter;
import dev.rekey.rotators.RotationOutcome;
import dev.rekey.rotators.RotationPlan;
import dev.rekey.rotators.RunId;
import dev.rekey.rotators.db.PostgresStrategy;
import dev.rekey.rotators.run.CredentialSource;
import dev.rekey.rotators.run.RotationRun;
import dev.rekey.rotators.run.RotationRuns;
import dev.rekey.rotators.run.RunSettings;
import dev.rekey.rotators.store.StoreSpec;
import dev.rekey.scanner.pipeline.SourceException;
import dev.rekey.scanner.report.InertText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code rekey rotate}: re-key leaked credentials into a server-side secret store. */
@Command(
    name = "rotate",
    mixinStandardHelpOptions = true,
    description = {
      "Rotate leaked credentials: create the new one, store it, prove it works, revoke the old one.",
      "Shows a plan per credential and changes nothing until you confirm it (or pass --yes).",
      ""
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  every credential rotated and its old value revoked (or --dry-run, or nothing to do)",
      "  1  rotation incomplete: skipped, refused by you, a user error, or revocation",
      "     deferred (--grace) or held (the old credential still in use)",
      "  2  usage or operational error (the journal is kept: resume the run), or part",
      "     of the scanned input could not be read (also with --dry-run)"
    })
final class RotateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ParentCommand RekeyCommand parent;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "PATH",
      description = "Scan PATH for the credentials to rotate (default: .).")
  Path path = Path.of(".");

  @Option(
      names = "--from",
      paramLabel = "REPORT",
      description =
          "Take the credentials from a rekey scan report (json or jsonl) instead of scanning.")
  @Nullable Path from;

  @Option(
      names = "--store",
      paramLabel = "STORE",
      description =
          "Where new values go: aws-sm[:NAME] (default; NAME may use {rule}, {provider}, {fingerprint}),"
              + " dotenv:PATH, github:OWNER/REPO[@VERSIONS] (Actions secrets) or"
              + " vercel:PROJECT[@VERSIONS]; VERSIONS is the readable store keeping their versions"
              + " (default aws-sm).")
  String store = StoreSpec.AWS_SM;

  @Option(
      names = "--only",
      paramLabel = "ID",
      description =
          "Rotate only credentials whose fingerprint starts with ID or whose rule is ID; repeatable.")
  List<String> only = new ArrayList<>();

  @Option(
      names = "--grace",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "Keep the old credential working this long after finish (e.g. 24h, 7d), then revoke with"
              + " --finish; while it is still in use, revoke waits at most this long for it.")
  Duration grace = Duration.ZERO;

  @Option(
      names = "--force",
      description =
          "Revoke old credentials even when their provider shows them still in use (by default"
              + " revoke waits for them to be let go, at most the grace, then stops with the"
              + " evidence).")
  boolean force;

  @Option(
      names = "--postgres-strategy",
      paramLabel = "STRATEGY",
      description =
          "How PostgreSQL logins are rotated: alternating-users (default: a second role, a member"
              + " of the first, takes the new password; no window) or single-user (the role's own"
              + " password changes; applications are refused between set and finish).")
  String postgresStrategy = PostgresStrategy.ALTERNATING_USERS.label();

  @Option(names = "--dry-run", description = "Print the plans and change nothing.")
  boolean dryRun;

  @Option(
      names = {"-y", "--yes"},
      description = "Confirm every plan without asking (non-interactive use).")
  boolean yes;

  @Option(
      names = "--resume",
      paramLabel = "RUN_ID",
      description = "Continue run RUN_ID from its journal.")
  @Nullable String resume;

  @Option(
      names = "--finish",
      paramLabel = "RUN_ID",
      description = "Revoke the old credentials of run RUN_ID whose grace period is over.")
  @Nullable String finish;

  @Option(
      names = "--new-key-from",
      paramLabel = "[ID=]FILE|env:NAME",
      description =
          "For guided rotations without a terminal: read the new key from FILE or variable NAME"
              + " instead of asking; ID (a rule id or fingerprint start) picks the credential;"
              + " repeatable.")
  List<String> newKeys = new ArrayList<>();

  @Mixin RotationOptions options;

  private final List<String> unscanned = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (resume != null || finish != null) {
        String id = resume != null ? resume : String.valueOf(finish);
        return continueRun(new RunId(id), finish != null);
      }
      return outranked(newRun());
    } catch (IllegalArgumentException | IOException | UncheckedIOException | SourceException e) {
      err.println("rekey: " + InertText.lines(String.valueOf(e.getMessage())));
      return ExitCode.ERROR;
    }
  }

  private int newRun() throws IOException, SourceException {
    PrintWriter out = spec.commandLine().getOut();
    CredentialSource source =
        from != null ? new CredentialSource.Report(from) : new CredentialSource.Scan(path);
    StoreSpec storeSpec = StoreSpec.parse(store);
    List<Credential> credentials =
        source.load(this::note, this::unscanned).stream().filter(this::selected).toList();
    if (credentials.isEmpty()) {
      out.println("Nothing to rotate.");
      return ExitCode.CLEAN;
    }
    RunSettings settings = settings(source, storeSpec);
    options.announce(spec.commandLine().getErr(), parent.env(), Map.of());
    RotationRuns runs = runs();
    List<RotationPlan> plans = runs.plan(settings, credentials);
    PlanPrinter printer = new PlanPrinter(out);
    if (dryRun) {
      for (int i = 0; i < plans.size(); i++) {
        printer.plan(plans.get(i), i + 1, plans.size());
      }
      out.println("Dry run: nothing was changed.");
      return ExitCode.CLEAN;
    }
    if (!yes && !parent.terminal().interactive()) {
      spec.commandLine()
          .getErr()
          .println(
              "rekey: rotate asks before changing anything: run it at a terminal, or pass --yes (or --dry-run)");
      return ExitCode.ERROR;
    }
    List<RotationPlan> confirmed = confirm(plans, printer);
    if (confirmed.isEmpty()) {
      out.println("No plan confirmed: nothing was changed.");
      return ExitCode.FINDINGS;
    }
    try (RotationRun run = runs.start(settings, confirmed)) {
      out.printf("Run %s (journal: %s)%n", run.id(), run.journalFile());
      out.flush();
      return outcomes(run.id(), run.proceed());
    }
  }

  private int continueRun(RunId id, boolean finishing) throws IOException, SourceException {
    try (RotationRun run = runs().open(id, this::note)) {
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "%s run %s (journal: %s)%n", finishing ? "Finishing" : "Resuming", id, run.journalFile());
      for (String missing : run.missing()) {
        out.printf(
            "%s skipped: no longer found in the run's source; rotate it in a new run%n",
            missing.substring(0, 12));
      }
      options.announce(spec.commandLine().getErr(), parent.env(), run.settings().providerUrls());
      int code = outcomes(id, finishing ? run.finish() : run.proceed());
      return run.missing().isEmpty() ? code : Math.max(code, ExitCode.FINDINGS);
    }
  }

  private List<RotationPlan> confirm(List<RotationPlan> plans, PlanPrinter printer) {
    Prompter prompter = prompter();
    List<RotationPlan> confirmed = new ArrayList<>();
    for (int i = 0; i < plans.size(); i++) {
      RotationPlan plan = plans.get(i);
      printer.plan(plan, i + 1, plans.size());
      if (plan.actionable() && (yes || prompter.confirm("Rotate this credential?"))) {
        confirmed.add(plan);
      }
    }
    return confirmed;
  }

  private int outcomes(RunId run, List<RotationOutcome> outcomes) {
    PrintWriter out = spec.commandLine().getOut();
    PlanPrinter printer = new PlanPrinter(out);
    outcomes.forEach(printer::outcome);
    Path given = options.journal.journalDir;
    String dir = given == null ? "" : " --journal-dir " + given;
    boolean failed = outcomes.stream().anyMatch(o -> o instanceof RotationOutcome.Failed);
    boolean operational =
        outcomes.stream()
            .anyMatch(
                o -> o instanceof RotationOutcome.Failed f && f.errorClass() != ErrorClass.USER);
    boolean deferred =
        outcomes.stream()
            .anyMatch(o -> o instanceof RotationOutcome.Rotated r && r.revokeDueAt() != null);
    boolean held = outcomes.stream().anyMatch(o -> o instanceof RotationOutcome.Held);
    if (failed) {
      out.printf("The journal is kept. Resume with: rekey rotate --resume %s%s%n", run, dir);
    } else if (held) {
      out.printf(
          "Once nothing uses the old credentials, revoke them with: rekey rotate --finish %s%s"
              + " (add --force to revoke them in use)%n",
          run, dir);
    } else if (deferred) {
      out.printf("After the grace period, revoke with: rekey rotate --finish %s%s%n", run, dir);
    }
    if (operational) {
      return ExitCode.ERROR;
    }
    return outcomes.stream().allMatch(RotationOutcome::complete)
        ? ExitCode.CLEAN
        : ExitCode.FINDINGS;
  }

  private boolean selected(Credential credential) {
    return only.isEmpty()
        || only.stream()
            .anyMatch(
                id -> credential.fingerprint().startsWith(id) || credential.ruleId().equals(id));
  }

  private RunSettings settings(CredentialSource source, StoreSpec storeSpec) {
    return new RunSettings(
        source,
        storeSpec,
        grace,
        PostgresStrategy.parse(postgresStrategy),
        options.aws.given(),
        options.providers(parent.env(), Map.of()).urls(),
        new VersionProvider().getVersion()[0]);
  }

  /** A note on the scan of the run's source, printed inert. */
  private void unscanned(String part) {
    unscanned.add(part);
    note(part);
  }

  /**
   * An incomplete scan outranks what the run did: a credential in a part it could not read is in
   * none of the plans.
   */
  private int outranked(int code) {
    if (unscanned.isEmpty()) {
      return code;
    }
    note(
        unscanned.size()
            + " part(s) of "
            + path
            + " could not be scanned (above): a credential there is in none of these plans;"
            + " fix what stopped the scan and run again");
    return Math.max(code, ExitCode.ERROR);
  }

  private void note(String note) {
    spec.commandLine().getErr().println("rekey: " + InertText.lines(note));
  }

  private RotationRuns runs() {
    PrintWriter err = spec.commandLine().getErr();
    StepLog log = new StepLog(options.logFormat, err);
    InUsePolicy inUse = force ? InUsePolicy.REVOKE_ANYWAY : InUsePolicy.WAIT;
    return options.runs(
        parent.env(),
        settings -> options.engine(settings, parent.env(), prompter(), log, inUse),
        parent.journalWatcher());
  }

  private Prompter prompter() {
    Prompter terminal = ConsolePrompter.forTerminal(parent.terminal(), spec.commandLine().getOut());
    return newKeys.isEmpty() ? terminal : new KeySourcePrompter(terminal, newKeys, parent.env());
  }
}

package dev.rekey.cli;

import dev.rekey.rotators.journal.JournalEntry;
import dev.rekey.scanner.pipeline.SourceException;
import dev.rekey.scanner.report.InertText;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine;

/** The rekey entry point. The only place that exits the process. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    // A thread of its own that runs out of heap (its error reaches no caller) ends the scan too.
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, e) -> {
          if (Failure.outOfMemory(e)) {
            exit(Failure.report(e, err, maxHeap()));
          }
        });
    int code;
    try {
      code = run(args, System.out, System.err, System.getenv());
    } catch (OutOfMemoryError e) {
      code = Failure.report(e, err, maxHeap());
    }
    exit(code);
  }

  private static void exit(int code) {
    System.exit(code);
  }

  private static long maxHeap() {
    return Runtime.getRuntime().maxMemory();
  }

  /**
   * Runs rekey with the given arguments and streams, in-process; returns the exit code.
   *
   * @param env the environment (for {@code NO_COLOR} and the like)
   */
  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    return run(args, out, err, env, entry -> {});
  }

  /**
   * As {@link #run(String[], PrintStream, PrintStream, Map)}, with {@code journalWatcher} called
   * after each rotation journal entry is durable (tests use it to stop the process there).
   */
  public static int run(
      String[] args,
      PrintStream out,
      PrintStream err,
      Map<String, String> env,
      Consumer<JournalEntry> journalWatcher) {
    PrintWriter stdout = new PrintWriter(out, true, StandardCharsets.UTF_8);
    PrintWriter stderr = new PrintWriter(err, true, StandardCharsets.UTF_8);
    ScanJob hook = HookFastPath.parse(args);
    if (hook != null) {
      return runHook(hook, stdout, stderr, new Terminal(out, env));
    }
    CommandLine commandLine =
        new RekeyCommand(new Terminal(out, env), env, journalWatcher).commandLine(args);
    commandLine.setOut(stdout);
    commandLine.setErr(stderr);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setParameterExceptionHandler(Main::usageError);
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parsed) -> Failure.report(e, cmd.getErr(), maxHeap()));
    int code = commandLine.execute(args);
    stdout.flush();
    stderr.flush();
    return code;
  }

  /** The pre-commit hook's scan, without picocli: see {@link HookFastPath}. */
  private static int runHook(
      ScanJob job, PrintWriter stdout, PrintWriter stderr, Terminal terminal) {
    Log log = Log.text(stderr);
    try {
      SourcePlan plan = SourcePlan.staged(job.path(), job.settings());
      return new ScanRun(job, stdout, stderr, log, terminal.color()).execute(plan);
    } catch (SourceException e) {
      log.error("scan.failed", String.valueOf(e.getMessage()), Map.of());
      return ExitCode.ERROR;
    } catch (RuntimeException e) {
      return Failure.report(e, stderr, maxHeap());
    } finally {
      stdout.flush();
      stderr.flush();
    }
  }

  /**
   * rekey's version: the jar's {@code Implementation-Version}, or {@code dev} when run from
   * classes.
   */
  static String version() {
    String version = Main.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    cmd.getErr().println("rekey: " + InertText.lines(String.valueOf(e.getMessage())));
    cmd.getErr().println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
    return ExitCode.ERROR;
  }
}

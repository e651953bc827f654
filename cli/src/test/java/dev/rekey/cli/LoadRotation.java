package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code rekey rotate} as an operator runs it while applications use the credentials: rotate, and
 * when revoke is held because the old credential is still in use, wait for the applications to move
 * over and {@code --finish}. Runs in-process, with the database admin URLs and JSON step logs.
 */
final class LoadRotation {
  private final Map<String, String> env;
  private final Path journals;
  private final boolean verbose;

  LoadRotation(Map<String, String> env, Path journals) {
    this(env, journals, true);
  }

  /**
   * @param verbose whether each run's output goes to the test's output
   */
  LoadRotation(Map<String, String> env, Path journals, boolean verbose) {
    this.env = env;
    this.journals = journals;
    this.verbose = verbose;
  }

  /** {@code rekey rotate --from REPORT --yes …}. */
  Cli rotate(Path report, String... extra) {
    List<String> args = new ArrayList<>(List.of("rotate", "--from", report.toString(), "--yes"));
    args.addAll(List.of(extra));
    return run(args);
  }

  /** {@code rekey rotate --resume RUN}. */
  Cli resume(String runId) {
    return run(new ArrayList<>(List.of("rotate", "--resume", runId)));
  }

  /** {@code rekey rotate --finish RUN …}. */
  Cli finish(String runId, String... extra) {
    List<String> args = new ArrayList<>(List.of("rotate", "--finish", runId));
    args.addAll(List.of(extra));
    return run(args);
  }

  /**
   * Rotates; while revoke is deferred (a grace) or held (the old credential still in use), waits
   * {@code wait} — for the grace to pass, for applications to let go — then finishes. Returns the
   * last run, which succeeded.
   */
  Cli rotateToTheEnd(Path report, Duration wait, String... extra) throws InterruptedException {
    Cli run = rotate(report, extra);
    return finishWhileWaiting(RotationIT.runId(run), run, wait);
  }

  /**
   * While {@code run} left revoke deferred or held, waits {@code wait} and finishes run {@code id};
   * returns the last run, which succeeded.
   */
  Cli finishWhileWaiting(String id, Cli run, Duration wait) throws InterruptedException {
    Cli last = run;
    for (int attempt = 0; last.exitCode() == ExitCode.FINDINGS && attempt < 3; attempt++) {
      assertThat(last.out()).as(last.out()).contains("rekey rotate --finish " + id);
      Thread.sleep(wait.toMillis());
      last = finish(id);
    }
    assertThat(last.exitCode()).as(last.out() + last.err()).isZero();
    return last;
  }

  private Cli run(List<String> args) {
    args.addAll(
        List.of(
            "--journal-dir",
            journals.toString(),
            "--db-admin-url",
            "env:REKEY_IT_PG_ADMIN_URL",
            "--db-admin-url",
            "env:REKEY_IT_MARIADB_ADMIN_URL",
            "--log-format",
            "json"));
    Cli run = Cli.runWithEnv(env, args.toArray(String[]::new));
    if (verbose) {
      System.out.println(run.out() + run.err()); // steps and timings, never a secret
    }
    return run;
  }
}

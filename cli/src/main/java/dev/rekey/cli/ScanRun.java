package dev.rekey.cli;

import dev.rekey.scanner.ScanRequest;
import dev.rekey.scanner.Scanner;
import dev.rekey.scanner.baseline.BaselineException;
import dev.rekey.scanner.baseline.Baselines;
import dev.rekey.scanner.baseline.RekeyBaseline;
import dev.rekey.scanner.config.ConfigException;
import dev.rekey.scanner.config.ScanConfig;
import dev.rekey.scanner.files.AtomicFile;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.model.ScanResult;
import dev.rekey.scanner.pipeline.ScanProgress;
import dev.rekey.scanner.pipeline.SourceException;
import dev.rekey.scanner.report.ReportOptions;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Runs a scan job from start to exit code: baselines and configuration, the scan itself (through
 * the scanner's one entry point), the report, the log. Free of picocli so that the pre-commit
 * hook's fast path runs the very same code.
 */
final class ScanRun {
  private final ScanJob job;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Log log;
  private final boolean color;

  ScanRun(ScanJob job, PrintWriter out, PrintWriter err, Log log, boolean color) {
    this.job = job;
    this.out = out;
    this.err = err;
    this.log = log;
    this.color = color;
  }

  /** Scans what {@code plan} covers and reports; returns the exit code. */
  int execute(SourcePlan plan) {
    log.event("scan.started", Map.of("target", plan.top().toString(), "staged", plan.staged()));
    Baselines baselines;
    ScanResult result;
    try {
      ScanJob.BaselineUse use = job.baselines();
      baselines = Baselines.load(use.files(), plan.top(), use.useDefault());
      ScanConfig given = job.config();
      ScanConfig config = given != null ? given : ConfigOptions.load(null, plan.top());
      config.warnings().forEach(w -> log.note("config.ignored", w, Map.of()));
      result = scan(new ScanRequest(plan.sources(), job.settings(), config, baselines));
    } catch (SourceException | BaselineException | ConfigException e) {
      log.error("scan.failed", String.valueOf(e.getMessage()), Map.of());
      return ExitCode.ERROR;
    }
    result = withProblems(result, baselines.problems());
    logProblems(result);
    int updated = job.baselines().update() ? updateBaseline(baselines, result, plan.top()) : 0;
    ScanResult shown = updated < 0 ? null : writeReport(result);
    if (shown == null) {
      return ExitCode.ERROR;
    }
    noteKnown(baselines, result);
    if (plan.staged() && !shown.findings().isEmpty() && updated == 0) {
      new CommitAdvice(err, log).blocked(shown);
    }
    log.event("scan.finished", counts(result, updated));
    return exitCode(shown, updated > 0);
  }

  private ScanResult scan(ScanRequest request) throws SourceException {
    ScanProgress progress = new ScanProgress();
    ProgressLine line = ProgressLine.start(progress, err);
    try {
      return Scanner.scan(request, progress, note -> log.note("config.suppressed", note, Map.of()));
    } finally {
      line.close();
    }
  }

  private static ScanResult withProblems(ScanResult result, List<Problem> more) {
    if (more.isEmpty()) {
      return result;
    }
    List<Problem> all = new ArrayList<>(result.problems());
    all.addAll(more);
    return new ScanResult(result.findings(), result.stats(), all, result.known());
  }

  private void logProblems(ScanResult result) {
    for (Problem problem : result.problems()) {
      if (problem.isError()) {
        log.error(
            "scan.problem",
            problem.where() + ": " + problem.message(),
            Map.of("where", problem.where()));
      }
    }
  }

  /** Writes the report; returns what it showed, or null when it could not be written. */
  private @Nullable ScanResult writeReport(ScanResult result) {
    ReportTarget target = job.report();
    Path file = target.output();
    ReportOptions options =
        new ReportOptions(target.showSecrets(), file == null && color, Main.version());
    try {
      if (file == null) {
        // A PrintWriter swallows a broken pipe: a reader that stops early ends the report quietly.
        ScanResult shown = target.step(options).write(result, out);
        out.flush();
        return shown;
      }
      // Written whole or not at all, replacing rather than following a link at the path; owner
      // only when it holds secrets.
      ScanResult[] shown = new ScanResult[1];
      AtomicFile.write(
          file,
          job.report().showSecrets() ? AtomicFile.Access.OWNER_ONLY : AtomicFile.Access.AS_BEFORE,
          stream -> {
            Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            shown[0] = target.step(options).write(result, writer);
            writer.flush();
          });
      return shown[0];
    } catch (IOException e) {
      log.error(
          "report.failed",
          file + ": cannot write the report: " + e.getMessage() + ": check the folder exists",
          Map.of());
      return null;
    }
  }

  /** Adds the new findings to the rekey baseline; returns how many, or -1 when it failed. */
  private int updateBaseline(Baselines baselines, ScanResult result, Path top) {
    if (!baselines.problems().isEmpty()) {
      log.error(
          "baseline.failed",
          "the baseline was not updated: it could not be read (above); fix or remove it first",
          Map.of());
      return -1;
    }
    RekeyBaseline baseline =
        baselines
            .rekeyBaseline()
            .orElseGet(() -> RekeyBaseline.empty(top.resolve(RekeyBaseline.FILE_NAME)));
    RekeyBaseline grown = baseline.plus(result.findings(), null);
    int added = grown.entries().size() - baseline.entries().size();
    try {
      grown.write();
    } catch (BaselineException e) {
      log.error("baseline.failed", String.valueOf(e.getMessage()), Map.of());
      return -1;
    }
    log.note(
        "baseline.updated",
        "added "
            + added
            + (added == 1 ? " finding" : " findings")
            + " to "
            + grown.file()
            + ": review them, give each a reason, and commit the file",
        Map.of("file", grown.file().toString(), "added", added));
    return added;
  }

  private void noteKnown(Baselines baselines, ScanResult result) {
    int known = result.known().size();
    if (known == 0) {
      return;
    }
    String files =
        String.join(
            ", ",
            baselines.all().stream().map(b -> String.valueOf(b.file().getFileName())).toList());
    log.note(
        "baseline.applied",
        known + (known == 1 ? " known finding" : " known findings") + " suppressed by " + files,
        Map.of("known", known));
  }

  private static Map<String, Object> counts(ScanResult all, int added) {
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("findings", all.findings().size());
    counts.put("known", all.known().size());
    counts.put("baseline_added", Math.max(0, added));
    counts.put("blobs", all.stats().blobs());
    counts.put("bytes", all.stats().bytes());
    counts.put("skipped", all.stats().skipped());
    counts.put("errors", all.problems().stream().filter(Problem::isError).count());
    counts.put("duration_ms", all.stats().elapsed().toMillis());
    return counts;
  }

  private static int exitCode(ScanResult result, boolean baselineUpdated) {
    if (result.incomplete()) {
      return ExitCode.ERROR;
    }
    return result.findings().isEmpty() || baselineUpdated ? ExitCode.CLEAN : ExitCode.FINDINGS;
  }
}

package dev.rekey.cli;

import dev.rekey.scanner.baseline.BaselineException;
import dev.rekey.scanner.baseline.Baselines;
import dev.rekey.scanner.baseline.RekeyBaseline;
import dev.rekey.scanner.config.ConfigException;
import dev.rekey.scanner.config.ScanConfig;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.model.ScanResult;
import dev.rekey.scanner.pipeline.ScanProgress;
import dev.rekey.scanner.pipeline.SourceException;
import dev.rekey.scanner.report.ReportOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs a scan request from start to exit code: sources, pipeline, baselines, report, log. Free of
 * picocli so that the pre-commit hook's fast path runs the very same code.
 */
final class ScanRun {
  private final ScanRequest request;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Log log;
  private final boolean color;

  ScanRun(ScanRequest request, PrintWriter out, PrintWriter err, Log log, boolean color) {
    this.request = request;
    this.out = out;
    this.err = err;
    this.log = log;
    this.color = color;
  }

  /** Scans what {@code plan} covers and reports; returns the exit code. */
  int execute(SourcePlan plan) {
    log.event("scan.started", Map.of("target", plan.top().toString(), "staged", plan.staged()));
    Baselines baselines;
    ScanConfig config;
    ScanResult result;
    try {
      baselines = Baselines.load(request.baselines(), plan.top(), request.defaultBaseline());
      ScanConfig given = request.config();
      config = given != null ? given : ConfigOptions.load(null, plan.top());
      ScanProgress progress = new ScanProgress();
      ProgressLine line = ProgressLine.start(progress, err);
      try {
        result = plan.refine().apply(config.scan(plan.sources(), request.settings(), progress));
      } finally {
        line.close();
      }
    } catch (SourceException | BaselineException | ConfigException e) {
      log.error("scan.failed", String.valueOf(e.getMessage()), Map.of());
      return ExitCode.ERROR;
    }
    logProblems(result);
    Baselines.Split split = baselines.split(result);
    int updated = request.updateBaseline() ? updateBaseline(baselines, split, plan.top()) : 0;
    Verification verification = request.verification();
    // Only findings that will be reported are verified: known ones are not sent anywhere.
    ScanResult fresh =
        verification == null
            ? split.fresh()
            : verification.apply(split.fresh(), config.providerUrls());
    if (updated < 0 || !writeReport(fresh)) {
      return ExitCode.ERROR;
    }
    noteKnown(baselines, split);
    if (plan.staged() && !fresh.findings().isEmpty() && updated == 0) {
      new CommitAdvice(err, log).blocked(fresh);
    }
    log.event("scan.finished", counts(result, split, updated));
    return exitCode(fresh, updated > 0);
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

  private boolean writeReport(ScanResult result) {
    Path file = request.output();
    ReportOptions options =
        new ReportOptions(request.showSecrets(), file == null && color, Main.version());
    try {
      if (file == null) {
        // A PrintWriter swallows a broken pipe: a reader that stops early ends the report quietly.
        request.format().reporter(options).write(result, out);
        out.flush();
        return true;
      }
      try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        request.format().reporter(options).write(result, writer);
      }
      return true;
    } catch (IOException e) {
      log.error(
          "report.failed",
          file + ": cannot write the report: " + e.getMessage() + ": check the folder exists",
          Map.of());
      return false;
    }
  }

  /** Adds the new findings to the rekey baseline; returns how many, or -1 when it failed. */
  private int updateBaseline(Baselines baselines, Baselines.Split split, Path top) {
    RekeyBaseline baseline =
        baselines
            .rekeyBaseline()
            .orElseGet(() -> RekeyBaseline.empty(top.resolve(RekeyBaseline.FILE_NAME)));
    RekeyBaseline grown = baseline.plus(split.fresh().findings(), null);
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

  private void noteKnown(Baselines baselines, Baselines.Split split) {
    int known = split.known().size();
    if (known == 0) {
      return;
    }
    String files =
        String.join(
            ", ",
            baselines.all().stream().map(b -> String.valueOf(b.file().getFileName())).toList());
    log.note(
        "baseline.applied",
        known + (known == 1 ? " known finding" : " known findings") + " in " + files + " not shown",
        Map.of("known", known));
  }

  private static Map<String, Object> counts(ScanResult all, Baselines.Split split, int added) {
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("findings", split.fresh().findings().size());
    counts.put("known", split.known().size());
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

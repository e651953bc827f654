package dev.rekey.cli;

import dev.rekey.detectors.Engine;
import dev.rekey.detectors.RuleCatalog;
import dev.rekey.scanner.Problem;
import dev.rekey.scanner.ScanPipeline;
import dev.rekey.scanner.ScanProgress;
import dev.rekey.scanner.ScanResult;
import dev.rekey.scanner.ScanSettings;
import dev.rekey.scanner.SourceException;
import dev.rekey.scanner.report.Format;
import dev.rekey.scanner.report.ReportOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code rekey scan}: find secrets in a repository or directory. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = {
      "Scan for leaked credentials: a git repository's full history (every ref, each blob once,",
      "commit and tag messages) and its working tree (tracked and untracked files, not ignored",
      "ones); a bare repository; a git URL (cloned to a temporary folder); or every file of a",
      "directory.",
      ""
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  no secrets found",
      "  1  secrets found",
      "  2  usage or operational error, or the scan was incomplete (an error outranks findings)"
    })
final class ScanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ParentCommand RekeyCommand parent;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "PATH|URL",
      description =
          "Repository, directory, file or git URL to scan (default: the current directory).")
  String path = ".";

  @Mixin HistoryOptions history = new HistoryOptions();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Report format: text, jsonl, json or sarif (default: text).")
  Format format = Format.TEXT;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  @Nullable Path output;

  @Option(
      names = "--show-secrets",
      description = "Print secrets in full. By default they are redacted.")
  boolean showSecrets;

  @Option(
      names = "--max-file-size",
      paramLabel = "SIZE",
      converter = ByteSizeConverter.class,
      description = "Skip (and report) files larger than SIZE (default: 10M).")
  long maxFileSize = ScanSettings.DEFAULT_MAX_BLOB_BYTES;

  @Option(
      names = {"-j", "--threads"},
      paramLabel = "N",
      description = "Worker threads (default: the number of processors).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (threads < 1) {
      err.println("rekey: --threads must be at least 1");
      return ExitCode.ERROR;
    }
    String invalid = history.problem();
    if (invalid != null) {
      err.println("rekey: " + invalid);
      return ExitCode.ERROR;
    }
    if (!HistoryOptions.isUrl(path) && !Files.exists(Path.of(path))) {
      err.println("rekey: " + path + ": no such file or directory");
      return ExitCode.ERROR;
    }
    ScanSettings settings = history.tune(new ScanSettings(maxFileSize, threads));
    Engine engine = new Engine(RuleCatalog.builtIn());
    ScanResult result;
    ScanProgress progress = new ScanProgress();
    ProgressLine line = ProgressLine.start(progress, err);
    try {
      result =
          new ScanPipeline(engine, settings)
              .run(history.sources(path, settings, engine.rules()), progress);
    } catch (SourceException e) {
      err.println("rekey: " + e.getMessage());
      return ExitCode.ERROR;
    } finally {
      line.close();
    }
    for (Problem problem : result.problems()) {
      if (problem.isError()) {
        err.println("rekey: " + problem.where() + ": " + problem.message());
      }
    }
    try {
      writeReport(result);
    } catch (UnsupportedOperationException e) {
      err.println("rekey: " + e.getMessage());
      return ExitCode.ERROR;
    } catch (IOException e) {
      err.println("rekey: " + output + ": cannot write the report: " + e.getMessage());
      return ExitCode.ERROR;
    }
    return exitCode(result);
  }

  private void writeReport(ScanResult result) throws IOException {
    Path file = output;
    ReportOptions options =
        new ReportOptions(showSecrets, file == null && parent.terminal().color());
    if (file == null) {
      // A PrintWriter swallows a broken pipe: a reader that stops early ends the report quietly.
      format.reporter(options).write(result, spec.commandLine().getOut());
      return;
    }
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      format.reporter(options).write(result, out);
    }
  }

  private static int exitCode(ScanResult result) {
    if (result.incomplete()) {
      return ExitCode.ERROR;
    }
    return result.findings().isEmpty() ? ExitCode.CLEAN : ExitCode.FINDINGS;
  }
}

package dev.rekey.cli;

import dev.rekey.scanner.ScanRequest;
import dev.rekey.scanner.Scanner;
import dev.rekey.scanner.Sources;
import dev.rekey.scanner.baseline.Baseline;
import dev.rekey.scanner.baseline.BaselineException;
import dev.rekey.scanner.baseline.RekeyBaseline;
import dev.rekey.scanner.config.ConfigException;
import dev.rekey.scanner.config.ConfigReader;
import dev.rekey.scanner.config.ScanConfig;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.model.ScanResult;
import dev.rekey.scanner.pipeline.ScanProgress;
import dev.rekey.scanner.pipeline.ScanSettings;
import dev.rekey.scanner.pipeline.SourceException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rekey baseline}: record the current findings as known, so scans report only new ones. */
@Command(
    name = "baseline",
    mixinStandardHelpOptions = true,
    description = {
      "Record the current findings as known, so that scans report only new ones.",
      "%nScans PATH like 'rekey scan' and writes every finding to a baseline, one entry per"
          + " fingerprint. Run it again to refresh it: reasons already written are kept, entries"
          + " no longer found are dropped.",
      ""
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  baseline written",
      "  2  usage or operational error, or the scan was incomplete"
    })
final class BaselineCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "PATH",
      description = "Repository, directory or file to scan (default: the current directory).")
  Path path = Path.of(".");

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "The baseline to write (default: .rekey-baseline.json at the top of PATH).")
  @Nullable Path output;

  @Option(
      names = "--reason",
      paramLabel = "TEXT",
      description = "The reason recorded for new entries, e.g. \"test fixture, valid nowhere\".")
  @Nullable String reason;

  @Option(
      names = "--max-file-size",
      paramLabel = "SIZE",
      converter = ByteSizeConverter.class,
      description = "Skip (and report) files larger than SIZE (default: 10M).")
  long maxFileSize = ScanSettings.DEFAULT_MAX_BLOB_BYTES;

  @Mixin LogOptions logOptions = new LogOptions();

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Log log = logOptions.open(err);
    if (!Files.exists(path)) {
      log.error("baseline.failed", path + ": no such file or directory", Map.of());
      return ExitCode.ERROR;
    }
    ScanSettings settings = ScanSettings.defaults().withMaxBlobBytes(maxFileSize);
    SourcePlan plan = SourcePlan.of(Sources.forPath(path, settings), path);
    Path file = output != null ? output : plan.top().resolve(RekeyBaseline.FILE_NAME);
    try {
      RekeyBaseline old = existing(file, output == null ? plan.top() : null);
      ScanConfig config = ConfigReader.forRoot(plan.top());
      config.warnings().forEach(w -> log.note("config.ignored", w, Map.of()));
      ScanResult result =
          Scanner.scan(
              ScanRequest.of(plan.sources(), settings, config),
              new ScanProgress(),
              note -> log.note("config.suppressed", note, Map.of()));
      if (result.incomplete()) {
        result.problems().stream()
            .filter(Problem::isError)
            .forEach(p -> log.error("scan.problem", p.where() + ": " + p.message(), Map.of()));
        log.error("baseline.failed", "the scan was incomplete: baseline not written", Map.of());
        return ExitCode.ERROR;
      }
      RekeyBaseline rebuilt = old.rebuiltFrom(result.findings(), reason);
      rebuilt.write();
      report(old, rebuilt, log);
      return ExitCode.CLEAN;
    } catch (SourceException | BaselineException | ConfigException e) {
      log.error("baseline.failed", String.valueOf(e.getMessage()), Map.of());
      return ExitCode.ERROR;
    }
  }

  /** The baseline at {@code file}, read only inside {@code root} when it is the repository's. */
  private static RekeyBaseline existing(Path file, @Nullable Path root) throws BaselineException {
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return RekeyBaseline.empty(file);
    }
    Baseline read = root == null ? Baseline.read(file) : Baseline.readInside(file, root);
    if (read instanceof RekeyBaseline baseline) {
      return baseline;
    }
    throw new BaselineException(
        file
            + ": not a rekey baseline: 'rekey baseline' writes only its own format;"
            + " pass another file with -o and read this one with 'rekey scan --baseline'");
  }

  private void report(RekeyBaseline old, RekeyBaseline rebuilt, Log log) {
    long added =
        rebuilt.entries().keySet().stream().filter(f -> !old.entries().containsKey(f)).count();
    long dropped =
        old.entries().keySet().stream().filter(f -> !rebuilt.entries().containsKey(f)).count();
    long unexplained = rebuilt.entries().values().stream().filter(e -> e.reason() == null).count();
    String message =
        "wrote "
            + rebuilt.file()
            + ": "
            + rebuilt.entries().size()
            + " entries ("
            + added
            + " new, "
            + dropped
            + " dropped)"
            + (unexplained > 0 ? "; " + unexplained + " without a reason: add one to each" : "");
    log.note(
        "baseline.written",
        message,
        Map.of(
            "file",
            rebuilt.file().toString(),
            "entries",
            rebuilt.entries().size(),
            "added",
            added,
            "dropped",
            dropped));
  }
}

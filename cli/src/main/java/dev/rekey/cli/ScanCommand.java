package dev.rekey.cli;

import dev.rekey.rotators.http.ProviderUrls;
import dev.rekey.rotators.verify.VerificationRun;
import dev.rekey.scanner.config.ConfigException;
import dev.rekey.scanner.config.ScanConfig;
import dev.rekey.scanner.pipeline.ScanSettings;
import dev.rekey.scanner.pipeline.Source;
import dev.rekey.scanner.pipeline.SourceException;
import dev.rekey.scanner.report.Format;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
      "Find leaked credentials in a repository, a directory, a file, a git URL or the staged"
          + " changes.",
      "%nScans a git repository's full history (every ref, each blob once, commit and tag"
          + " messages) and its working tree (tracked files, and untracked files that are not"
          + " ignored); a bare repository; a git URL (cloned to a temporary folder); or every file"
          + " of a directory; and the build output found in a working tree or directory (client"
          + " bundles and source maps, even if ignored); or built bundles and deployed sites given"
          + " with --bundle and --url. With --staged, scans only the lines a commit would add."
          + " Findings listed in the .rekey-baseline.json at the top of PATH are not reported.",
      ""
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  no secrets found",
      "  1  secrets found",
      "  2  usage or operational error, or an incomplete scan (outranks findings)"
    })
final class ScanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ParentCommand RekeyCommand parent;

  @Mixin ConfigOptions configOptions = new ConfigOptions();

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "PATH|URL",
      description =
          "Repository, directory, file or git URL to scan (default: the current directory).")
  String path = ".";

  @Mixin HistoryOptions history = new HistoryOptions();

  @Mixin BundleOptions bundleOptions = new BundleOptions();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "Report format: text, json, jsonl, sarif, csv, junit or html (one self-contained page;"
              + " never holds a secret) (default: text).")
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

  @Option(
      names = "--staged",
      description =
          "Scan what 'git commit' would record: the lines the index adds to HEAD (the"
              + " pre-commit hook runs this).")
  boolean staged;

  @Mixin BaselineOptions baselineOptions = new BaselineOptions();

  @Mixin VerifyOptions verification = new VerifyOptions();

  @Mixin LogOptions logOptions = new LogOptions();

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Log log = logOptions.open(err);
    String invalid = problem();
    if (invalid != null) {
      log.error("scan.failed", invalid, Map.of());
      return ExitCode.ERROR;
    }
    boolean scanPath =
        !bundleOptions.any() || spec.commandLine().getParseResult().hasMatchedPositional(0);
    boolean url = scanPath && HistoryOptions.isUrl(path);
    if (scanPath && !url && !Files.exists(Path.of(path))) {
      log.error("scan.failed", path + ": no such file or directory", Map.of());
      return ExitCode.ERROR;
    }
    // The baseline and configuration are those of the scanned folder; scanning only bundles, of
    // the first bundle's folder; scanning a git URL or sites, there is none (unless --config).
    Path top = url ? null : scanPath ? Path.of(path) : bundleOptions.top();
    ScanSettings settings = history.tune(new ScanSettings(maxFileSize, threads));
    ScanConfig config;
    SourcePlan plan;
    VerificationRun verifying = null;
    try {
      config = configOptions.load(top);
      if (verification.requested()) {
        verifying = verification(config, log);
      }
      List<Source> sources =
          new ArrayList<>(
              scanPath
                  ? history.sources(path, settings, config.rules(), RekeyCommand.env(spec))
                  : List.of());
      sources.addAll(bundleOptions.sources(settings));
      Path where = top != null ? top : Path.of(".");
      plan = staged ? SourcePlan.staged(Path.of(path), settings) : SourcePlan.of(sources, where);
    } catch (ConfigException | SourceException | IllegalArgumentException e) {
      log.error("scan.failed", String.valueOf(e.getMessage()), Map.of());
      return ExitCode.ERROR;
    }
    ScanJob job =
        new ScanJob(
            plan.top(),
            settings,
            config,
            baselineOptions.use(top != null),
            new ReportTarget(format, output, showSecrets, verifying, verification.onlyLive));
    PrintWriter out = spec.commandLine().getOut();
    return new ScanRun(job, out, err, log, parent.terminal().color()).execute(plan);
  }

  /** What is wrong with the options as given (what failed: why: what to do), or null. */
  private @Nullable String problem() {
    if (threads < 1) {
      return "--threads must be at least 1";
    }
    String invalid = history.problem();
    if (invalid == null) {
      invalid = bundleOptions.invalid();
    }
    if (invalid == null) {
      try {
        verification.settings(ProviderUrls.defaults()); // a bad value stops rekey before any work
      } catch (IllegalArgumentException e) {
        invalid = e.getMessage();
      }
    }
    return invalid;
  }

  /**
   * Verification with the provider URLs the user chose, which are announced now, before the scan
   * and any network call.
   */
  private VerificationRun verification(ScanConfig config, Log log) {
    ProviderChoice providers =
        ProviderChoice.of(
            parent.env(),
            configOptions.config != null ? config : null,
            null,
            verification.providerUrls);
    String notice = providers.notice();
    if (notice != null) {
      log.note("providers.overridden", notice, Map.of("providers", providers.urls().keySet()));
    }
    return Objects.requireNonNull(verification.run(providers.providerUrls()));
  }
}

package dev.rekey.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Which baselines {@code rekey scan} applies, and whether it grows one. */
final class BaselineOptions {
  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description =
          "Report only findings FILE does not list: a .rekey-baseline.json, a .gitleaksignore or"
              + " a detect-secrets baseline (repeatable).")
  List<Path> baselines = new ArrayList<>();

  @Option(
      names = "--no-baseline",
      description = "Ignore the .rekey-baseline.json at the top of PATH: report everything.")
  boolean noBaseline;

  @Option(
      names = "--update-baseline",
      description = "Add the new findings to the rekey baseline (created if missing) and exit 0.")
  boolean updateBaseline;

  /**
   * The baselines to use; the standard one only when {@code hasTop} (a scanned folder has a top to
   * find it at).
   */
  ScanJob.BaselineUse use(boolean hasTop) {
    return new ScanJob.BaselineUse(baselines, !noBaseline && hasTop, updateBaseline);
  }
}

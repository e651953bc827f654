package dev.rekey.cli;

import dev.rekey.scanner.config.ScanConfig;
import dev.rekey.scanner.pipeline.ScanSettings;
import dev.rekey.scanner.report.Format;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A validated {@code rekey scan}: what its flags (or the hook's fast path) asked for.
 *
 * @param path the repository, directory or file
 * @param settings size limit and threads
 * @param config the configuration, or null for {@code .rekey.toml} at the top when present
 * @param baselines which baselines apply, and whether new findings are added to one
 * @param report where and how the report goes
 */
record ScanJob(
    Path path,
    ScanSettings settings,
    @Nullable ScanConfig config,
    BaselineUse baselines,
    ReportTarget report) {

  /** What the pre-commit hook runs: {@code rekey scan --staged}, text report, of this folder. */
  static ScanJob hook(List<Path> baselines, boolean useDefault, boolean showSecrets) {
    return new ScanJob(
        Path.of("."),
        ScanSettings.defaults(),
        null,
        new BaselineUse(baselines, useDefault, false),
        ReportTarget.plain(Format.TEXT, null, showSecrets));
  }

  /**
   * The baselines a scan applies.
   *
   * @param files baseline files given with {@code --baseline}
   * @param useDefault use the {@code .rekey-baseline.json} at the top when none is given
   * @param update add new findings to the rekey baseline
   */
  record BaselineUse(List<Path> files, boolean useDefault, boolean update) {
    BaselineUse {
      files = List.copyOf(files);
    }
  }
}

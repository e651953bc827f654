package dev.rekey.cli;

import dev.rekey.scanner.config.ScanConfig;
import dev.rekey.scanner.pipeline.ScanSettings;
import dev.rekey.scanner.report.Format;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A validated scan request: what {@code rekey scan}'s flags (or the hook's fast path) asked for.
 *
 * @param path the repository, directory or file
 * @param format the report format
 * @param output the report file, or null for standard output
 * @param showSecrets print secrets in full
 * @param settings size limit and threads
 * @param staged scan the staged changes only
 * @param baselines baseline files given with {@code --baseline}
 * @param defaultBaseline use the {@code .rekey-baseline.json} at the top when none is given
 * @param updateBaseline add new findings to the rekey baseline
 * @param config the configuration file given with {@code --config}, or null for {@code .rekey.toml}
 *     at the top when present
 */
record ScanRequest(
    Path path,
    Format format,
    @Nullable Path output,
    boolean showSecrets,
    ScanSettings settings,
    boolean staged,
    List<Path> baselines,
    boolean defaultBaseline,
    boolean updateBaseline,
    @Nullable ScanConfig config,
    @Nullable Verification verification) {

  ScanRequest {
    baselines = List.copyOf(baselines);
  }

  /** What the pre-commit hook runs: {@code rekey scan --staged}, text report. */
  static ScanRequest hook(Path path) {
    return new ScanRequest(
        path,
        Format.TEXT,
        null,
        false,
        ScanSettings.defaults(),
        true,
        List.of(),
        true,
        false,
        null,
        null);
  }
}

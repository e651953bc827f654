package dev.rekey.scanner;

import dev.rekey.scanner.baseline.Baselines;
import dev.rekey.scanner.config.ScanConfig;
import dev.rekey.scanner.pipeline.ScanSettings;
import dev.rekey.scanner.pipeline.Source;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything a scan needs, validated before it starts: the one input of {@link Scanner#scan}.
 *
 * @param sources what to scan, in turn
 * @param settings size limit, threads and shortcuts
 * @param config which rules run, at what severity, and what is allowed
 * @param baselines the findings already known, left out of the report
 */
public record ScanRequest(
    List<Source> sources, ScanSettings settings, ScanConfig config, Baselines baselines) {

  public ScanRequest {
    sources = List.copyOf(sources);
  }

  /** A scan of {@code sources} with no baseline. */
  public static ScanRequest of(List<Source> sources, ScanSettings settings, ScanConfig config) {
    return new ScanRequest(sources, settings, config, Baselines.NONE);
  }

  /** A scan of everything that covers {@code path} (see {@link Sources#forPath}), no baseline. */
  public static ScanRequest ofPath(Path path, ScanSettings settings, ScanConfig config) {
    return of(Sources.forPath(path, settings), settings, config);
  }
}

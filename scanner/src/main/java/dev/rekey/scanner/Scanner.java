package dev.rekey.scanner;

import dev.rekey.scanner.baseline.Baselines;
import dev.rekey.scanner.config.ScanConfig;
import dev.rekey.scanner.model.ScanResult;
import dev.rekey.scanner.pipeline.ScanPipeline;
import dev.rekey.scanner.pipeline.ScanProgress;
import dev.rekey.scanner.pipeline.Source;
import dev.rekey.scanner.pipeline.SourceException;
import java.util.function.Consumer;

/**
 * The one way to run a scan: {@code rekey scan}, {@code rekey baseline}, the credentials of {@code
 * rekey rotate} (and the rescans of {@code --resume}, {@code --finish} and {@code rollback}) and
 * the pre-commit hook all come here. The engine runs the configuration's rules on every unique blob
 * once; then, in this order, the configuration's allowlists and severities apply, each source
 * narrows the result to what it covers, and the baselines take out what is already known.
 */
public final class Scanner {
  private Scanner() {}

  /**
   * Runs {@code request}.
   *
   * @throws SourceException when a source as a whole cannot be read
   */
  public static ScanResult scan(ScanRequest request) throws SourceException {
    return scan(request, new ScanProgress());
  }

  /** As {@link #scan(ScanRequest)}, updating {@code progress} as it goes. */
  public static ScanResult scan(ScanRequest request, ScanProgress progress) throws SourceException {
    return scan(request, progress, note -> {});
  }

  /**
   * As {@link #scan(ScanRequest, ScanProgress)}, telling {@code notes} what the configuration kept
   * out of the result and which file did ({@link ScanConfig#suppressed}): a scanned repository's
   * own file may hide findings, never without saying so.
   */
  public static ScanResult scan(ScanRequest request, ScanProgress progress, Consumer<String> notes)
      throws SourceException {
    ScanConfig config = request.config();
    ScanResult found =
        new ScanPipeline(config.detector(), request.settings()).run(request.sources(), progress);
    config.suppressed(found).forEach(notes);
    ScanResult result = config.apply(found);
    for (Source source : request.sources()) {
      result = source.narrow(result);
    }
    Baselines.Split split = request.baselines().split(result);
    ScanResult fresh = split.fresh();
    return new ScanResult(fresh.findings(), fresh.stats(), fresh.problems(), split.known());
  }
}

package dev.rekey.scanner.pipeline;

import dev.rekey.detectors.Detector;
import dev.rekey.scanner.model.BlobId;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.model.ScanResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs sources through a detector: every unique blob is scanned once, whichever sources and however
 * many places it was seen at, and the matches are grouped into findings.
 */
public final class ScanPipeline {

  private final Detector detector;
  private final ScanSettings settings;

  public ScanPipeline(Detector detector, ScanSettings settings) {
    this.detector = detector;
    this.settings = settings;
  }

  /**
   * Scans every source in turn, sharing one record of scanned blobs.
   *
   * @throws SourceException when a source as a whole cannot be read
   */
  public ScanResult run(List<? extends Source> sources) throws SourceException {
    return run(sources, new ScanProgress());
  }

  /**
   * Scans every source in turn, sharing one record of scanned blobs, then lets each source locate
   * the blobs that matched (see {@link Source#locate}); closes the sources that are {@link
   * AutoCloseable}.
   *
   * @param progress counters updated as the scan goes, for a progress line
   * @throws SourceException when a source as a whole cannot be read
   */
  public ScanResult run(List<? extends Source> sources, ScanProgress progress)
      throws SourceException {
    long start = System.nanoTime();
    DetectingSink collector = new DetectingSink(detector, settings, progress);
    ScanResult found;
    List<Problem> late = new ArrayList<>();
    try {
      for (Source source : sources) {
        source.scan(collector);
      }
      Set<BlobId> matched = collector.matched();
      for (Source source : sources) {
        source.locate(matched, collector);
      }
      // built while the sources settle (rails: a summary kept for the next scan, 0.3 s)
      found = collector.result(Duration.ofNanos(System.nanoTime() - start));
      for (Source source : sources) {
        late.addAll(source.settle());
      }
    } finally {
      late.addAll(close(sources));
    }
    if (late.isEmpty()) {
      return found;
    }
    List<Problem> problems = new ArrayList<>(found.problems());
    problems.addAll(late);
    return new ScanResult(found.findings(), found.stats(), problems, found.known());
  }

  private static List<Problem> close(List<? extends Source> sources) {
    List<Problem> problems = new ArrayList<>();
    for (Source source : sources) {
      if (source instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          problems.add(Problem.skipped(source.describe(), "could not clean up: " + e.getMessage()));
        }
      }
    }
    return problems;
  }
}

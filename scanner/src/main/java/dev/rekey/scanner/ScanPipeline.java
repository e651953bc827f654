package dev.rekey.scanner;

import dev.rekey.detectors.Detector;
import java.time.Duration;
import java.util.List;

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
    long start = System.nanoTime();
    Collector collector = new Collector(detector, settings);
    for (Source source : sources) {
      source.scan(collector);
    }
    return collector.result(Duration.ofNanos(System.nanoTime() - start));
  }
}

package dev.rekey.scanner.pipeline;

/**
 * Validated settings of a scan, built from flags and configuration before any work starts.
 *
 * @param maxBlobBytes blobs larger than this are skipped and reported
 * @param threads worker threads for reading and matching
 * @param deltaProof let sources work out where the detector's keywords occur instead of a pass over
 *     the content, such as a git blob built from a delta, whose copied bytes hold its base's
 *     occurrences (see {@link HistorySink#keywordScanner()}); on, off only to compare
 */
public record ScanSettings(long maxBlobBytes, int threads, boolean deltaProof) {
  /** Default size limit: 10 MiB, above which files are nearly always data, not configuration. */
  public static final long DEFAULT_MAX_BLOB_BYTES = 10L * 1024 * 1024;

  public ScanSettings {
    if (maxBlobBytes <= 0) {
      throw new IllegalArgumentException("maximum file size must be positive");
    }
    if (threads <= 0) {
      throw new IllegalArgumentException("thread count must be positive");
    }
  }

  /** Settings with delta proofs on. */
  public ScanSettings(long maxBlobBytes, int threads) {
    this(maxBlobBytes, threads, true);
  }

  /** The defaults: 10 MiB limit, one thread per available processor. */
  public static ScanSettings defaults() {
    return new ScanSettings(DEFAULT_MAX_BLOB_BYTES, Runtime.getRuntime().availableProcessors());
  }

  public ScanSettings withMaxBlobBytes(long bytes) {
    return new ScanSettings(bytes, threads, deltaProof);
  }

  public ScanSettings withThreads(int count) {
    return new ScanSettings(maxBlobBytes, count, deltaProof);
  }

  /** These settings with delta proofs on or off; results are the same either way. */
  public ScanSettings withDeltaProof(boolean on) {
    return new ScanSettings(maxBlobBytes, threads, on);
  }
}

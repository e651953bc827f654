package dev.rekey.scanner.git;

import dev.rekey.scanner.pipeline.ScanSettings;
import org.eclipse.jgit.storage.file.WindowCacheConfig;

/**
 * JGit's pack-reading caches, set for reading a whole history front to back. JGit's defaults suit a
 * server answering many small requests: 8 KiB windows over 10 MiB of pack data and a 10 MiB
 * delta-base cache, which a history scan overflows at once, so every delta chain gets rebuilt from
 * its root. Here: large windows over a bounded amount of pack data, and a delta-base cache large
 * enough to hold the bases a run of the pack order needs. The delta-base cache is per reader, so
 * per thread; together these bound JGit's share of the heap to about {@code 256 MiB + threads x 48
 * MiB}.
 */
final class ReadTuning {
  static final int WINDOW_SIZE = 1 << 20;
  static final long PACK_LIMIT = 64L << 20;
  static final int DELTA_BASE_CACHE = 16 << 20;

  private static long installedFor = -1;

  private ReadTuning() {}

  /** Installs the configuration (JGit's is process-wide); a no-op when already installed. */
  static synchronized void install(ScanSettings settings) {
    long threshold = Math.max(settings.maxBlobBytes() + 1, 1 << 20);
    if (threshold == installedFor) {
      return;
    }
    WindowCacheConfig config = new WindowCacheConfig();
    config.setPackedGitWindowSize(WINDOW_SIZE);
    config.setPackedGitLimit(PACK_LIMIT);
    config.setDeltaBaseCacheLimit(DELTA_BASE_CACHE);
    config.setPackedGitMMAP(false);
    // Objects above the scan's size limit are not loaded at all: they are skipped by size.
    config.setStreamFileThreshold((int) Math.min(Integer.MAX_VALUE - 8, threshold));
    config.install();
    installedFor = threshold;
  }
}

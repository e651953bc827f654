package dev.rekey.scanner.pipeline;

import java.util.concurrent.atomic.LongAdder;

/**
 * Live counters of a running scan, for a progress line. Sources announce what is coming; the
 * pipeline counts what it has done. Thread-safe; reading it never slows the scan.
 */
public final class ScanProgress {
  private final LongAdder expected = new LongAdder();
  private final LongAdder blobs = new LongAdder();
  private final LongAdder bytes = new LongAdder();

  void expect(long count) {
    expected.add(count);
  }

  void done(long byteCount) {
    blobs.increment();
    bytes.add(byteCount);
  }

  /** Blobs announced by the sources so far (0 while they are still being listed). */
  public long expected() {
    return expected.sum();
  }

  /** Blobs handled (scanned or skipped). */
  public long blobs() {
    return blobs.sum();
  }

  /** Bytes of blob content handled. */
  public long bytes() {
    return bytes.sum();
  }
}

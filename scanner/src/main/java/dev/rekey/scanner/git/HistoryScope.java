package dev.rekey.scanner.git;

import org.jspecify.annotations.Nullable;

/**
 * What part of a history to scan.
 *
 * @param allObjects also scan objects no ref reaches (dangling commits and blobs)
 * @param range only what the commits of {@code A..B} introduced (blobs not already in {@code A}),
 *     or null for the whole history
 * @param recordKey identifies the rules and settings of this scan: blobs recorded as scanned under
 *     the same key are not read again; null to read everything and record nothing
 * @param cache where to keep what listing the history learned, so a repeat scan lists only new
 *     commits; null to keep nothing (also when {@code recordKey} is null)
 */
public record HistoryScope(
    boolean allObjects,
    @Nullable String range,
    @Nullable String recordKey,
    @Nullable CacheFolder cache) {

  /** The whole history of every ref, with no record of what was scanned. */
  public static final HistoryScope FULL = new HistoryScope(false, null, null, null);

  public HistoryScope {
    if (range != null && !range.contains("..")) {
      throw new IllegalArgumentException("a range is A..B, e.g. origin/main..HEAD: got " + range);
    }
  }

  /** A scope that keeps nothing between scans but the record of clean blobs. */
  public HistoryScope(boolean allObjects, @Nullable String range, @Nullable String recordKey) {
    this(allObjects, range, recordKey, null);
  }
}

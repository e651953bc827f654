package dev.rekey.scanner.git;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * What part of a history to scan.
 *
 * @param allObjects also scan objects no ref reaches (dangling commits and blobs)
 * @param range only what the commits of {@code A..B} introduced (blobs not already in {@code A}),
 *     or null for the whole history
 * @param record where and under which key to remember the blobs scanned clean, so that a repeat
 *     scan does not read them again; null to read everything and record nothing
 */
public record HistoryScope(boolean allObjects, @Nullable String range, @Nullable Record record) {

  /** The whole history of every ref, with no record of what was scanned. */
  public static final HistoryScope FULL = new HistoryScope(false, null, null);

  public HistoryScope {
    if (range != null && !range.contains("..")) {
      throw new IllegalArgumentException("a range is A..B, e.g. origin/main..HEAD: got " + range);
    }
  }

  /**
   * The record of blobs scanned clean.
   *
   * @param key identifies the rules and settings of this scan ({@link RecordKey}): blobs recorded
   *     under another key are read again
   * @param cacheHome rekey's per-user cache folder, under which each repository's record is kept
   *     ({@link dev.rekey.scanner.files.RepositoryCache})
   */
  public record Record(String key, Path cacheHome) {}
}

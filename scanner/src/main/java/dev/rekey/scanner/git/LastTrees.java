package dev.rekey.scanner.git;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The last tree read at each path, by content (with what was found in it), least recently used
 * dropped first beyond a byte budget: what a new version of a tree is compared with, so that only
 * its changed entries cost a look-up. Every tree kept here has been read in full.
 *
 * @param <T> what is kept about the hits of each tree
 */
final class LastTrees<T> {
  private static final long BUDGET = 32L << 20;

  /** A tree's content, and its hits (see {@link TreeHits}), empty for the lister. */
  @SuppressWarnings("ArrayRecordComponent") // shared content, never compared
  record Kept<T>(byte[] raw, List<T> hits) {}

  private final LinkedHashMap<String, Kept<T>> trees = new LinkedHashMap<>(1024, 0.75f, true);
  private long bytes;

  @Nullable Kept<T> get(String path) {
    return trees.get(path);
  }

  void put(String path, byte[] raw, List<T> hits) {
    Kept<T> old = trees.put(path, new Kept<>(raw, hits));
    bytes += raw.length - (old == null ? 0 : old.raw().length);
    Iterator<Map.Entry<String, Kept<T>>> eldest = trees.entrySet().iterator();
    while (bytes > BUDGET && trees.size() > 1) {
      bytes -= eldest.next().getValue().raw().length;
      eldest.remove();
    }
  }
}

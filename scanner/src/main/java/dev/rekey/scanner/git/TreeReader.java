package dev.rekey.scanner.git;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * Reads trees for {@link TreeDiff}, keeping the most recently used ones parsed: a commit's trees
 * are compared with its parent's, which were read for the parent moments before.
 */
final class TreeReader {
  private final ObjectSource objects;
  private final long limit;
  private final LinkedHashMap<ObjectId, TreeEntries> kept = new LinkedHashMap<>(1024, 0.75f, true);
  private long bytes;

  /**
   * @param limit bytes of parsed trees to keep
   */
  TreeReader(ObjectSource objects, long limit) {
    this.objects = objects;
    this.limit = limit;
  }

  /**
   * The tree {@code id}.
   *
   * @throws IOException when it cannot be read
   */
  TreeEntries read(AnyObjectId id) throws IOException {
    TreeEntries known = kept.get(id);
    if (known != null) {
      return known;
    }
    TreeEntries tree = TreeEntries.of(objects.read(id, Constants.OBJ_TREE));
    kept.put(id.copy(), tree);
    bytes += weight(tree);
    Iterator<Map.Entry<ObjectId, TreeEntries>> eldest = kept.entrySet().iterator();
    while (bytes > limit && kept.size() > 1) {
      bytes -= weight(eldest.next().getValue());
      eldest.remove();
    }
    return tree;
  }

  /** The tree {@code id}, or null when it cannot be read. */
  @Nullable TreeEntries readOrNull(AnyObjectId id) {
    try {
      return read(id);
    } catch (IOException e) {
      return null;
    }
  }

  /** About the bytes a tree holds: its content, and the entry offsets found later. */
  private static long weight(TreeEntries tree) {
    return tree.length() + tree.length() / 6L + 64;
  }
}

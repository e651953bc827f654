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
 * are compared with its parent's, which were read for the parent moments before. The trees kept can
 * be {@linkplain Kept shared} by the readers of several threads, so a tree one thread read (for a
 * commit just before the run of commits another thread compares) is not read again. Each reader
 * first looks in a small table of its own, one tree a slot, without a lock: most trees asked for
 * were asked for by the same reader a commit or two before, and the shared map (locked, its order
 * updated on every hit) was a seventh of a listing's comparing.
 */
final class TreeReader {
  /** Slots of the reader's own trees, checked before the shared ones (a power of two). */
  private static final int NEAR = 1024;

  /** Bytes of trees the reader's own slots may hold besides the shared ones. */
  private static final long NEAR_BYTES = 2L << 20;

  private final ObjectSource objects;
  private final Kept kept;
  private final @Nullable ObjectId[] nearIds = new ObjectId[NEAR];
  private final @Nullable TreeEntries[] nearTrees = new TreeEntries[NEAR];
  private long nearBytes;

  /**
   * @param limit bytes of parsed trees to keep
   */
  TreeReader(ObjectSource objects, long limit) {
    this(objects, new Kept(limit));
  }

  /**
   * @param kept the parsed trees kept, which other readers may share
   */
  TreeReader(ObjectSource objects, Kept kept) {
    this.objects = objects;
    this.kept = kept;
  }

  /**
   * The tree {@code id}.
   *
   * @throws IOException when it cannot be read
   */
  TreeEntries read(AnyObjectId id) throws IOException {
    int slot = id.hashCode() & (NEAR - 1);
    ObjectId near = nearIds[slot];
    TreeEntries nearTree = nearTrees[slot];
    if (near != null && nearTree != null && near.equals(id)) {
      return nearTree;
    }
    TreeEntries known = kept.get(id);
    if (known == null) {
      known = kept.add(id, TreeEntries.of(objects.read(id, Constants.OBJ_TREE)));
    }
    keepNear(slot, id, known);
    return known;
  }

  /** Keeps {@code tree} in slot {@code slot}, within the slots' budget of bytes. */
  private void keepNear(int slot, AnyObjectId id, TreeEntries tree) {
    TreeEntries old = nearTrees[slot];
    if (old != null) {
      nearBytes -= old.length();
    }
    if (nearBytes + tree.length() > NEAR_BYTES) {
      nearIds[slot] = null;
      nearTrees[slot] = null;
      return;
    }
    nearIds[slot] = id.copy();
    nearTrees[slot] = tree;
    nearBytes += tree.length();
  }

  /** The tree {@code id}, or null when it cannot be read. */
  @Nullable TreeEntries readOrNull(AnyObjectId id) {
    try {
      return read(id);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Parsed trees, the most recently used kept within a budget of bytes; safe to share between
   * threads (a tree two threads read at once is kept once).
   */
  static final class Kept {
    private final long limit;
    private final LinkedHashMap<ObjectId, TreeEntries> trees =
        new LinkedHashMap<>(1024, 0.75f, true);
    private long bytes;

    /**
     * @param limit bytes of parsed trees to keep
     */
    Kept(long limit) {
      this.limit = limit;
    }

    synchronized @Nullable TreeEntries get(AnyObjectId id) {
      return trees.get(id);
    }

    /** Keeps {@code tree}, read as {@code id}; the tree to use (one kept meanwhile, if any). */
    synchronized TreeEntries add(AnyObjectId id, TreeEntries tree) {
      TreeEntries known = trees.putIfAbsent(id.copy(), tree);
      if (known != null) {
        return known;
      }
      bytes += weight(tree);
      Iterator<Map.Entry<ObjectId, TreeEntries>> eldest = trees.entrySet().iterator();
      while (bytes > limit && trees.size() > 1) {
        bytes -= weight(eldest.next().getValue());
        eldest.remove();
      }
      return tree;
    }

    /** About the bytes a tree holds: its content, and the entry offsets found later. */
    private static long weight(TreeEntries tree) {
      return tree.length() + tree.length() / 6L + 64;
    }
  }
}

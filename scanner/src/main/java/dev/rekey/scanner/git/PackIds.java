package dev.rekey.scanner.git;

import org.eclipse.jgit.internal.storage.file.PackIndex;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.MutableObjectId;
import org.jspecify.annotations.Nullable;

/**
 * Every object of a pack, hashed by id to its offset: a look-up is a probe or two of an {@link
 * IdTable} rather than a binary search of the pack's index. Listing rails looks up the offset of
 * each of millions of trees it reads, and searching the index of its 1.2M-object pack was a seventh
 * of the listing threads' time. About 40 bytes an object, so built only for the packs a whole
 * history is listed from, and for {@link #MAX_OBJECTS} objects at most between them.
 */
final class PackIds {
  /** Objects hashed at most, across a repository's packs: about 75 MB. */
  static final long MAX_OBJECTS = 2_000_000;

  /** Objects a pack holds at least for hashing them to pay off. */
  static final long MIN_OBJECTS = 1 << 16;

  private final IdTable ids;
  private final long[] offsets; // by index in ids

  private PackIds(int count) {
    ids = new IdTable(count);
    offsets = new long[count];
  }

  /**
   * The ids of the objects of {@code index} hashed, or null when it holds too few to be worth it or
   * more than {@code budget}.
   */
  static @Nullable PackIds of(PackIndex index, long budget) {
    long count = index.getObjectCount();
    return count < MIN_OBJECTS || count > budget ? null : hash(index);
  }

  /**
   * The ids of the objects of {@code index} hashed, whatever their number; null if the index lies
   * (more objects than it counts, or an id twice).
   */
  static @Nullable PackIds hash(PackIndex index) {
    long count = index.getObjectCount();
    PackIds hashed = new PackIds((int) count);
    MutableObjectId id = new MutableObjectId();
    for (PackIndex.MutableEntry entry : index) {
      entry.copyOidTo(id);
      int at = hashed.ids.size();
      if (at == count || hashed.ids.add(id) != at) {
        return null; // leave it to JGit
      }
      hashed.offsets[at] = entry.getOffset();
    }
    return hashed.ids.size() == count ? hashed : null;
  }

  /** The offset of {@code id}, or -1 when the pack does not hold it. */
  long offsetOf(AnyObjectId id) {
    int at = ids.indexOf(id);
    return at < 0 ? -1 : offsets[at];
  }

  /** The offset of the object whose raw id is at {@code raw[at]}, or -1. */
  long offsetOf(byte[] raw, int at) {
    int found = ids.indexOf(raw, at);
    return found < 0 ? -1 : offsets[found];
  }
}

package dev.rekey.scanner.git;

import org.eclipse.jgit.internal.storage.file.PackIndex;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.MutableObjectId;
import org.eclipse.jgit.util.NB;
import org.jspecify.annotations.Nullable;

/**
 * Every object of a pack, hashed by id to its offset: a look-up is a probe or two of one table
 * rather than a binary search of the pack's index. Listing rails looks up the offset of each of
 * millions of trees it reads, and searching the index of its 1.2M-object pack was a seventh of the
 * listing threads' time. About 34 bytes an object, so built only for the packs a whole history is
 * listed from, and for {@link #MAX_OBJECTS} objects at most between them.
 */
final class PackIds {
  /** Objects hashed at most, across a repository's packs: about 70 MB. */
  static final long MAX_OBJECTS = 2_000_000;

  /** Objects a pack holds at least for hashing them to pay off. */
  static final long MIN_OBJECTS = 1 << 16;

  private static final int WORDS = 5;

  private final int[] ids;
  private final long[] offsets;
  private final int[] slots; // position in ids and offsets, -1 when empty

  private PackIds(int count) {
    ids = new int[count * WORDS];
    offsets = new long[count];
    slots = LinearProbing.emptySlots(Integer.highestOneBit(Math.max(1, count / 2 * 3)) << 1);
  }

  /**
   * The ids of the objects of {@code index} hashed, or null when it holds too few to be worth it or
   * more than {@code budget}.
   */
  static @Nullable PackIds of(PackIndex index, long budget) {
    long count = index.getObjectCount();
    return count < MIN_OBJECTS || count > budget ? null : hash(index);
  }

  /** The ids of the objects of {@code index} hashed, whatever their number; null if it lies. */
  static @Nullable PackIds hash(PackIndex index) {
    long count = index.getObjectCount();
    PackIds hashed = new PackIds((int) count);
    MutableObjectId id = new MutableObjectId();
    int position = 0;
    for (PackIndex.MutableEntry entry : index) {
      if (position == count) {
        return null; // the index lists more objects than it counts: leave it to JGit
      }
      entry.copyOidTo(id);
      id.copyRawTo(hashed.ids, position * WORDS);
      hashed.offsets[position] = entry.getOffset();
      LinearProbing.place(hashed.slots, hashed.ids[position * WORDS + 1], position);
      position++;
    }
    return position == count ? hashed : null;
  }

  /** The offset of {@code id}, or -1 when the pack does not hold it. */
  long offsetOf(AnyObjectId id) {
    int mask = slots.length - 1;
    for (int slot = id.hashCode() & mask; ; slot = (slot + 1) & mask) { // its second word
      int position = slots[slot];
      if (position < 0) {
        return -1;
      }
      if (id.compareTo(ids, position * WORDS) == 0) {
        return offsets[position];
      }
    }
  }

  /** The offset of the object whose raw id is at {@code raw[at]}, or -1. */
  long offsetOf(byte[] raw, int at) {
    int mask = slots.length - 1;
    for (int slot = NB.decodeInt32(raw, at + 4) & mask; ; slot = (slot + 1) & mask) {
      int position = slots[slot];
      if (position < 0) {
        return -1;
      }
      if (same(raw, at, position * WORDS)) {
        return offsets[position];
      }
    }
  }

  private boolean same(byte[] raw, int at, int word) {
    for (int w = 0; w < WORDS; w++) {
      if (NB.decodeInt32(raw, at + 4 * w) != ids[word + w]) {
        return false;
      }
    }
    return true;
  }
}

package dev.rekey.scanner.git;

import java.util.Arrays;

/**
 * A count for each of a set of pack offsets, in an open-addressed table of primitives: the plan of
 * a {@link PackStream} unit looks up every object it reads here, and boxed {@code Long} keys made
 * those look-ups cost more than the lookups' work. Offsets are never negative; -1 marks a free
 * slot. Not safe for use by several threads at once.
 */
final class OffsetCounts {
  private static final long FREE = -1;

  private long[] keys;
  private int[] counts;
  private int size;

  OffsetCounts() {
    this(16);
  }

  OffsetCounts(int expected) {
    int capacity = Integer.highestOneBit(Math.max(8, expected * 2 - 1)) << 1;
    keys = new long[capacity];
    counts = new int[capacity];
    Arrays.fill(keys, FREE);
  }

  /** The number of offsets held. */
  int size() {
    return size;
  }

  /** Whether {@code offset} is held. */
  boolean contains(long offset) {
    return keys[slot(offset)] == offset;
  }

  /** The count of {@code offset}, or -1 when it is not held. */
  int get(long offset) {
    int slot = slot(offset);
    return keys[slot] == offset ? counts[slot] : -1;
  }

  /** Holds {@code offset} (with a count of 0 when new); whether it was new. */
  boolean add(long offset) {
    int slot = slot(offset);
    if (keys[slot] == offset) {
      return false;
    }
    keys[slot] = offset;
    counts[slot] = 0;
    if (++size * 2 > keys.length) {
      grow();
    }
    return true;
  }

  /** Adds {@code delta} to the count of {@code offset} (held from now on); the new count. */
  int add(long offset, int delta) {
    int slot = slot(offset);
    if (keys[slot] != offset) {
      add(offset);
      slot = slot(offset);
    }
    counts[slot] += delta;
    return counts[slot];
  }

  /** The slot holding {@code offset}, or the free slot where it would go. */
  private int slot(long offset) {
    int mask = keys.length - 1;
    int slot = OffsetCounts.hash(offset) & mask;
    while (keys[slot] != offset && keys[slot] != FREE) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  /** Spreads an offset's bits over an int: offsets share their low bits less than one thinks. */
  static int hash(long offset) {
    long mixed = offset * 0x9E3779B97F4A7C15L;
    return (int) (mixed ^ (mixed >>> 32));
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldCounts = counts;
    keys = new long[oldKeys.length * 2];
    counts = new int[oldKeys.length * 2];
    Arrays.fill(keys, FREE);
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != FREE) {
        int slot = slot(oldKeys[i]);
        keys[slot] = oldKeys[i];
        counts[slot] = oldCounts[i];
      }
    }
  }
}

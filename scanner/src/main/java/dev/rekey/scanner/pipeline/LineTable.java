package dev.rekey.scanner.pipeline;

/**
 * One thread's memory of lines: a 126-bit line hash and whether the line holds a keyword, in two
 * longs a slot of an open-addressing table (the state in the low two bits of the second). It stops
 * growing at {@link #MAX_SLOTS} (64 MiB), after which new lines are still checked, just not
 * remembered.
 */
final class LineTable {
  static final int UNKNOWN = 0;
  static final int CLEAN = 1;
  static final int KEYWORD = 2;
  private static final int MAX_SLOTS = 1 << 22;
  private static final long STATE = 3;

  private long[] slots = new long[2 << 16];
  private int size;

  int get(long h1, long h2) {
    return (int) (slots[find(slots, h1, h2 & ~STATE) + 1] & STATE);
  }

  void put(long h1, long h2, int state) {
    int capacity = slots.length / 2;
    if ((size + 1) * 4L > capacity * 3L) {
      if (capacity >= MAX_SLOTS) {
        return;
      }
      grow();
    }
    long key = h2 & ~STATE;
    int at = find(slots, h1, key);
    if ((slots[at + 1] & STATE) == UNKNOWN) {
      size++;
    }
    slots[at] = h1;
    slots[at + 1] = key | state;
  }

  /** The slot of the key, or the free slot where it belongs. */
  private static int find(long[] table, long h1, long key) {
    int mask = table.length / 2 - 1;
    int i = (int) (h1 ^ (h1 >>> 32)) & mask;
    while ((table[i * 2 + 1] & STATE) != UNKNOWN
        && (table[i * 2] != h1 || (table[i * 2 + 1] & ~STATE) != key)) {
      i = (i + 1) & mask;
    }
    return i * 2;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    for (int at = 0; at < old.length; at += 2) {
      if ((old[at + 1] & STATE) != UNKNOWN) {
        int to = find(slots, old[at], old[at + 1] & ~STATE);
        slots[to] = old[at];
        slots[to + 1] = old[at + 1];
      }
    }
  }
}

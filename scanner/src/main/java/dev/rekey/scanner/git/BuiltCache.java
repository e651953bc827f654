package dev.rekey.scanner.git;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Objects a {@link PackStream} has built, kept for the deltas still to come, bounded in bytes.
 * Every object a stream reads is looked up here first, so the entries live in primitive arrays — a
 * slot per entry, an open-addressed table from offset to slot, and the slots chained oldest first —
 * rather than a map of boxed offsets. The table holds the offsets it is probed for beside the
 * slots, so a probe reads no other array: looking up each probed slot's offset (a likely cache
 * miss) made finding and evicting a sixteenth of the listing workers' time.
 */
abstract class BuiltCache {
  private static final int NONE = -1;

  private final long limit;
  private final boolean accessOrder;
  private long bytes;

  // Entries, by slot: the offset, the object, and the chain from oldest to newest.
  private long[] offsets = new long[64];
  private PackStream.@Nullable Built[] built = new PackStream.Built[64];
  private int[] older = new int[64];
  private int[] newer = new int[64];
  private int oldest = NONE;
  private int newest = NONE;
  private int freeSlots = NONE; // chained through newer
  private int used;
  private int size;

  /**
   * Open-addressed, two longs a place: the offset, then the slot + 1 of its entry (0 for none).
   * Side by side, a probe and a removal's shifting read one cache line a place rather than one in
   * each of two arrays (evicting was a tenth of the listing workers' time).
   */
  private long[] table = new long[2 * 128];

  private BuiltCache(long limit, boolean accessOrder) {
    this.limit = limit;
    this.accessOrder = accessOrder;
  }

  /** Any recent objects, least recently used out first: for trees and commits in commit order. */
  static BuiltCache recent(long limit) {
    return new BuiltCache(limit, true) {
      @Override
      void put(long offset, PackStream.Built built, long base) {
        keep(offset, built);
      }
    };
  }

  /** Objects kept as {@link PackStream#plan} says, for blobs read in pack order. */
  static BuiltCache planned(long limit) {
    return new Planned(limit);
  }

  PackStream.@Nullable Built get(long offset) {
    int slot = find(offset);
    if (slot == NONE) {
      return null;
    }
    if (accessOrder && slot != newest) {
      unchain(slot);
      chainNewest(slot);
    }
    return built[slot];
  }

  /** Offers {@code built}, made from the object at {@code base} (-1 for a whole object). */
  abstract void put(long offset, PackStream.Built built, long base);

  /** Starts a new plan: how many objects still to build are built on each object. */
  void plan(OffsetCounts pending) {
    clear();
  }

  /** The number of objects kept. */
  int size() {
    return size;
  }

  final void keep(long offset, PackStream.Built object) {
    int slot = find(offset);
    if (slot != NONE) {
      bytes += object.content().length - contentLength(slot);
      built[slot] = object;
      if (accessOrder && slot != newest) {
        unchain(slot);
        chainNewest(slot);
      }
    } else {
      slot = newSlot();
      offsets[slot] = offset;
      built[slot] = object;
      index(slot); // before chaining: a rehash re-indexes the chained slots
      chainNewest(slot);
      size++;
      bytes += object.content().length;
    }
    while (bytes > limit && size > 1) {
      remove(oldest);
    }
  }

  final void release(long offset) {
    int slot = find(offset);
    if (slot != NONE) {
      remove(slot);
    }
  }

  private void clear() {
    Arrays.fill(built, null);
    Arrays.fill(table, 0L);
    oldest = NONE;
    newest = NONE;
    freeSlots = NONE;
    used = 0;
    size = 0;
    bytes = 0;
  }

  private int contentLength(int slot) {
    PackStream.Built object = built[slot];
    return object == null ? 0 : object.content().length;
  }

  private void remove(int slot) {
    bytes -= contentLength(slot);
    unindex(slot);
    unchain(slot);
    built[slot] = null;
    newer[slot] = freeSlots;
    freeSlots = slot;
    size--;
  }

  private int newSlot() {
    if (freeSlots != NONE) {
      int slot = freeSlots;
      freeSlots = newer[slot];
      return slot;
    }
    if (used == offsets.length) {
      int capacity = used * 2;
      offsets = Arrays.copyOf(offsets, capacity);
      built = Arrays.copyOf(built, capacity);
      older = Arrays.copyOf(older, capacity);
      newer = Arrays.copyOf(newer, capacity);
    }
    return used++;
  }

  private void chainNewest(int slot) {
    older[slot] = newest;
    newer[slot] = NONE;
    if (newest != NONE) {
      newer[newest] = slot;
    } else {
      oldest = slot;
    }
    newest = slot;
  }

  private void unchain(int slot) {
    int before = older[slot];
    int after = newer[slot];
    if (before != NONE) {
      newer[before] = after;
    } else {
      oldest = after;
    }
    if (after != NONE) {
      older[after] = before;
    } else {
      newest = before;
    }
  }

  private int find(long offset) {
    int mask = places() - 1;
    for (int at = OffsetCounts.hash(offset) & mask; ; at = (at + 1) & mask) {
      int slot = (int) table[2 * at + 1] - 1;
      if (slot == NONE || table[2 * at] == offset) {
        return slot;
      }
    }
  }

  /** The places of {@link #table}, a power of two. */
  private int places() {
    return table.length >>> 1;
  }

  private void index(int slot) {
    if ((size + 1) * 2 > places()) {
      rehash(places() * 2);
    }
    place(table, slot, offsets[slot]);
  }

  private static void place(long[] table, int slot, long offset) {
    int mask = (table.length >>> 1) - 1;
    int at = OffsetCounts.hash(offset) & mask;
    while (table[2 * at + 1] != 0) {
      at = (at + 1) & mask;
    }
    table[2 * at] = offset;
    table[2 * at + 1] = slot + 1;
  }

  /** Takes the entry out of the table, moving back the entries probed past it (linear probing). */
  private void unindex(int slot) {
    int mask = places() - 1;
    int hole = OffsetCounts.hash(offsets[slot]) & mask;
    while (table[2 * hole + 1] != slot + 1) {
      hole = (hole + 1) & mask;
    }
    table[2 * hole + 1] = 0;
    for (int at = (hole + 1) & mask; table[2 * at + 1] != 0; at = (at + 1) & mask) {
      if (!LinearProbing.staysPastHole(OffsetCounts.hash(table[2 * at]) & mask, hole, at)) {
        table[2 * hole] = table[2 * at];
        table[2 * hole + 1] = table[2 * at + 1];
        table[2 * at + 1] = 0;
        hole = at;
      }
    }
  }

  private void rehash(int capacity) {
    table = new long[2 * capacity];
    for (int slot = oldest; slot != NONE; slot = newer[slot]) {
      place(table, slot, offsets[slot]);
    }
  }

  /**
   * Keeps each object exactly until the last object built on it has been built: in a pack, bases
   * come before their deltas but not always just before, and a family's links are spread among
   * other objects; knowing which objects are still needed, none is rebuilt unless the budget forces
   * it (then the oldest go first). On a 2 GB history this holds at most 132 MB of bases.
   */
  private static final class Planned extends BuiltCache {
    private OffsetCounts pending = new OffsetCounts();

    Planned(long limit) {
      super(limit, false);
    }

    @Override
    void plan(OffsetCounts counts) {
      super.plan(counts);
      pending = counts;
    }

    @Override
    void put(long offset, PackStream.Built built, long base) {
      if (base >= 0 && pending.contains(base) && pending.add(base, -1) <= 0) {
        release(base);
      }
      if (pending.get(offset) > 0) {
        keep(offset, built);
      }
    }
  }
}

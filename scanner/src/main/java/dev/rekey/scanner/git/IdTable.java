package dev.rekey.scanner.git;

import java.util.Arrays;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.util.NB;

/**
 * Object ids, each given a dense index in the order they were added: about 45 bytes an id, with no
 * object per entry, so a history of millions of trees and blobs stays small. Not thread-safe; read
 * it from other threads only after it is complete.
 */
final class IdTable {
  private static final int WORDS = 5;
  private static final long EMPTY = -1L; // as LinearProbing's: no id's index is -1

  private int[] ids;

  /**
   * Open-addressed by an id's second word (its hash): each slot holds that word above the id's
   * index, {@link #EMPTY} when empty, so a probe passes over other ids without reading {@link #ids}
   * (a likely cache miss each) and reads there only the id it confirms: looking offsets up in a
   * pack's hashed ids was a tenth of the listing threads' time.
   */
  private long[] slots;

  private int size;

  IdTable() {
    this(1024);
  }

  /** A table with room for {@code expected} ids before it grows. */
  IdTable(int expected) {
    int room = Math.max(1024, expected);
    ids = new int[WORDS * room];
    slots = LinearProbing.emptyEntries(Integer.highestOneBit(2 * room - 1) << 1);
  }

  /** The number of ids. */
  int size() {
    return size;
  }

  /** Adds {@code id}: its new index, or {@code -1 - index} when it was already there. */
  int add(AnyObjectId id) {
    int slot = slotOf(id);
    if (slots[slot] != EMPTY) {
      return -1 - (int) slots[slot];
    }
    if (size * WORDS == ids.length) {
      ids = Arrays.copyOf(ids, ids.length * 2);
    }
    id.copyRawTo(ids, size * WORDS);
    slots[slot] = entry(id.hashCode(), size);
    size++;
    if (size * 2 > slots.length) {
      rehash();
    }
    return size - 1;
  }

  /**
   * The index of the id whose five words of raw bytes are at {@code words[at]}, added if new (as
   * {@link #add} would add it, without an object for the id).
   */
  int addRaw(int[] words, int at) {
    int mask = slots.length - 1;
    int hash = words[at + 1]; // AnyObjectId.hashCode() is its second word
    int slot = hash & mask;
    for (long entry = slots[slot]; entry != EMPTY; entry = slots[slot]) {
      if ((int) (entry >>> 32) == hash && sameAt((int) entry, words, at)) {
        return (int) entry;
      }
      slot = (slot + 1) & mask;
    }
    if (size * WORDS == ids.length) {
      ids = Arrays.copyOf(ids, ids.length * 2);
    }
    System.arraycopy(words, at, ids, size * WORDS, WORDS);
    slots[slot] = entry(hash, size);
    size++;
    if (size * 2 > slots.length) {
      rehash();
    }
    return size - 1;
  }

  private boolean sameAt(int index, int[] words, int at) {
    return Arrays.equals(ids, index * WORDS, index * WORDS + WORDS, words, at, at + WORDS);
  }

  /** The index of {@code id}, or -1. */
  int indexOf(AnyObjectId id) {
    long entry = slots[slotOf(id)];
    return entry == EMPTY ? -1 : (int) entry;
  }

  /** The index of the id whose 20 raw bytes are at {@code raw[at]}, or -1. */
  int indexOf(byte[] raw, int at) {
    int mask = slots.length - 1;
    int hash = NB.decodeInt32(raw, at + 4); // AnyObjectId.hashCode() is its second word
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      long entry = slots[slot];
      if (entry == EMPTY) {
        return -1;
      }
      if ((int) (entry >>> 32) == hash && sameAt((int) entry, raw, at)) {
        return (int) entry;
      }
    }
  }

  private boolean sameAt(int index, byte[] raw, int at) {
    for (int w = 0; w < WORDS; w++) {
      if (NB.decodeInt32(raw, at + 4 * w) != ids[index * WORDS + w]) {
        return false;
      }
    }
    return true;
  }

  boolean contains(AnyObjectId id) {
    return indexOf(id) >= 0;
  }

  /** The id at {@code index}. */
  ObjectId get(int index) {
    return ObjectId.fromRaw(ids, index * WORDS);
  }

  /**
   * The indexes of the ids in the ids' order (their bytes compared unsigned, as {@link
   * ObjectId#compareTo} does): sorted as numbers by their first word, then the few that share one
   * by the rest (a record of 425k blobs sorted as objects took 0.7 s).
   */
  int[] sorted() {
    long[] keys = new long[size];
    for (int i = 0; i < size; i++) {
      keys[i] = ((long) (ids[i * WORDS] ^ Integer.MIN_VALUE) << 32) | i;
    }
    Arrays.sort(keys);
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = (int) keys[i];
    }
    for (int from = 0; from < size; ) {
      int to = from + 1;
      while (to < size && ids[order[to] * WORDS] == ids[order[from] * WORDS]) {
        to++;
      }
      for (int i = from + 1; i < to; i++) { // insertion sort by the other words: a handful
        int index = order[i];
        int at = i;
        while (at > from && compareRest(order[at - 1], index) > 0) {
          order[at] = order[at - 1];
          at--;
        }
        order[at] = index;
      }
      from = to;
    }
    return order;
  }

  private int compareRest(int a, int b) {
    for (int w = 1; w < WORDS; w++) {
      int order = Integer.compareUnsigned(ids[a * WORDS + w], ids[b * WORDS + w]);
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }

  /** The slot holding {@code id}, or the free slot where it belongs. */
  private int slotOf(AnyObjectId id) {
    int mask = slots.length - 1;
    int hash = id.hashCode();
    int slot = hash & mask;
    for (long entry = slots[slot]; entry != EMPTY; entry = slots[slot]) {
      if ((int) (entry >>> 32) == hash && id.compareTo(ids, (int) entry * WORDS) == 0) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  /** A slot's content: the id's hash (its second word) above its index. */
  private static long entry(int hash, int index) {
    return (long) hash << 32 | index;
  }

  private void rehash() {
    long[] old = slots;
    slots = LinearProbing.emptyEntries(old.length * 2);
    for (long entry : old) {
      if (entry != EMPTY) {
        LinearProbing.place(slots, (int) (entry >>> 32), entry);
      }
    }
  }
}

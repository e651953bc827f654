package dev.rekey.scanner.pipeline;

import dev.rekey.scanner.model.BlobId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A thread-safe set of blob ids that costs about 40 bytes an id: SHA-1 ids are kept as three longs
 * in open-addressing tables, one per stripe, instead of a map of hex strings (a history holds
 * millions of blobs). SHA-256 ids, rare, go to an ordinary concurrent set.
 */
final class BlobIdSet {
  private static final int STRIPES = 64;

  private final Stripe[] stripes = new Stripe[STRIPES];
  private final Set<BlobId> wide = ConcurrentHashMap.newKeySet();

  BlobIdSet() {
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Stripe();
    }
  }

  /** Adds {@code id}; returns whether it was absent. */
  boolean add(BlobId id) {
    String hex = id.hex();
    if (hex.length() != 40) {
      return wide.add(id);
    }
    long a = parse(hex, 0, 16);
    long b = parse(hex, 16, 32);
    long c = parse(hex, 32, 40);
    return stripes[(int) (b >>> 58)].add(a, b, c);
  }

  boolean contains(BlobId id) {
    String hex = id.hex();
    if (hex.length() != 40) {
      return wide.contains(id);
    }
    long a = parse(hex, 0, 16);
    long b = parse(hex, 16, 32);
    long c = parse(hex, 32, 40);
    return stripes[(int) (b >>> 58)].contains(a, b, c);
  }

  /** The value of each hex digit (either case), -1 for any other character below 128. */
  private static final byte[] DIGITS = new byte[128];

  static {
    for (int c = 0; c < DIGITS.length; c++) {
      DIGITS[c] = (byte) Character.digit(c, 16);
    }
  }

  /**
   * The hex digits {@code [from, to)} as a number. Every blob read is looked up several times: a
   * table look-up per digit, not {@link Character#digit}'s Unicode tables.
   */
  private static long parse(String hex, int from, int to) {
    long value = 0;
    for (int i = from; i < to; i++) {
      char c = hex.charAt(i);
      value = (value << 4) | (c < DIGITS.length ? DIGITS[c] : Character.digit(c, 16));
    }
    return value;
  }

  /** One stripe: linear probing over triples; (0, 0, 0), which no real id is, marks a free slot. */
  private static final class Stripe {
    private long[] slots = new long[3 * 64];
    private int size;

    synchronized boolean add(long a, long b, long c) {
      if ((size + 1) * 3L > (slots.length / 3) * 2L) {
        grow();
      }
      int at = find(slots, a, b, c);
      if (slots[at] != 0 || slots[at + 1] != 0 || slots[at + 2] != 0) {
        return false;
      }
      slots[at] = a;
      slots[at + 1] = b;
      slots[at + 2] = c;
      size++;
      return true;
    }

    synchronized boolean contains(long a, long b, long c) {
      int at = find(slots, a, b, c);
      return slots[at] != 0 || slots[at + 1] != 0 || slots[at + 2] != 0;
    }

    /** The slot holding the triple, or the free slot where it belongs. */
    private static int find(long[] table, long a, long b, long c) {
      int capacity = table.length / 3;
      int i = (int) (a & (capacity - 1));
      while (true) {
        int at = i * 3;
        boolean free = table[at] == 0 && table[at + 1] == 0 && table[at + 2] == 0;
        if (free || (table[at] == a && table[at + 1] == b && table[at + 2] == c)) {
          return at;
        }
        i = (i + 1) & (capacity - 1);
      }
    }

    private void grow() {
      long[] old = slots;
      slots = new long[old.length * 2];
      for (int at = 0; at < old.length; at += 3) {
        if (old[at] != 0 || old[at + 1] != 0 || old[at + 2] != 0) {
          int to = find(slots, old[at], old[at + 1], old[at + 2]);
          System.arraycopy(old, at, slots, to, 3);
        }
      }
    }
  }
}

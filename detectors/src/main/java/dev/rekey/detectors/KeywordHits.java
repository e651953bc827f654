package dev.rekey.detectors;

import java.util.Arrays;

/**
 * Where a detector's keywords occur in some content, in the order its keyword pass meets them: by
 * end offset, then longest keyword first. A source that can work them out more cheaply than a pass
 * over the content — the bytes a git delta copies from its base hold the base's occurrences — hands
 * them to {@link Detector#detect(byte[], KeywordHits)}, and the matches are exactly those of a full
 * pass. Built by a {@link KeywordScanner}; never modified once handed over.
 */
public final class KeywordHits {
  /** No keyword anywhere: content that cannot match. */
  public static final KeywordHits NONE = new KeywordHits(new long[0], 0);

  private final long[] keys;
  private final int count;

  KeywordHits(long[] keys, int count) {
    this.keys = keys;
    this.count = count;
  }

  /** The number of occurrences. */
  public int count() {
    return count;
  }

  /** The keyword of occurrence {@code i}, as the {@link KeywordScanner} numbers them. */
  public int keyword(int i) {
    return (int) (keys[i] & 0xFFFF);
  }

  /** The offset just past occurrence {@code i}. */
  public int end(int i) {
    return (int) (keys[i] >>> 32);
  }

  /** The first occurrence ending after {@code offset} ({@link #count()} when none does). */
  public int firstEndingAfter(int offset) {
    return firstEndingAfter(offset, 0);
  }

  /**
   * The first occurrence ending after {@code offset}, searched outwards from occurrence {@code
   * near} (any, {@link #count()} included) in steps that double, then by halves: when the answer is
   * near it (the next stretch of a delta copied from just after, or just before, the last one) it
   * is found in a few steps, not a search of them all.
   */
  public int firstEndingAfter(int offset, int near) {
    long key = ((long) offset << 32) | 0xFFFFFFFFL; // above every occurrence ending at offset
    int hint = Math.min(Math.max(near, 0), count);
    int low;
    int high;
    int step = 1;
    if (hint < count && keys[hint] <= key) { // the answer lies after the hint
      low = hint + 1;
      while (low + step <= count && keys[low + step - 1] <= key) {
        low += step;
        step <<= 1;
      }
      high = Math.min(count, low + step);
    } else { // at or before it
      high = hint;
      while (high - step >= 0 && keys[high - step] > key) {
        high -= step;
        step <<= 1;
      }
      low = Math.max(0, high - step);
    }
    int found = Arrays.binarySearch(keys, low, high, key);
    return found >= 0 ? found + 1 : -found - 1;
  }

  /**
   * Occurrences being gathered, in any order; {@link KeywordScanner#ordered} puts them in pass
   * order.
   */
  public static final class Builder {
    private long[] keys = new long[16];
    private int count;

    /** Adds keyword {@code keyword} (of {@code length} bytes) ending at {@code end}. */
    public void add(int keyword, int length, int end) {
      if (count == keys.length) {
        keys = Arrays.copyOf(keys, count * 2);
      }
      keys[count++] = ((long) end << 32) | ((long) (0xFFFF - length) << 16) | keyword;
    }

    public int count() {
      return count;
    }

    /** Whether the occurrences were added in pass order already, as a delta's mostly are. */
    private boolean ascending() {
      for (int i = 1; i < count; i++) {
        if (keys[i - 1] > keys[i]) {
          return false;
        }
      }
      return true;
    }

    KeywordHits sorted() {
      if (!ascending()) {
        Arrays.sort(keys, 0, count);
      }
      return count == 0 ? NONE : new KeywordHits(keys, count);
    }
  }
}

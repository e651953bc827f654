package dev.rekey.scanner.git;

import dev.rekey.detectors.KeywordHits;
import dev.rekey.detectors.KeywordScanner;
import java.io.IOException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Applies a git delta (a base size, a result size, then copy-from-base and insert-these-bytes
 * instructions) and, on the way, works out where the detector's keywords occur in the result from
 * where they occur in its base. A keyword in the result either lies wholly inside one copied run —
 * a piece of the base, where the base's occurrence is known — or touches an inserted byte, or spans
 * a seam between two instructions. So only the inserted bytes and a keyword's length around each
 * seam are scanned: the bytes a delta adds, not the whole blob, which is how matching a history
 * approaches the cost of reading it. With no occurrence at all, the result is proven keyword-free
 * and is not matched.
 */
final class Delta {
  private Delta() {}

  /** A delta's result, and where the keywords occur in it (null when not worked out). */
  @SuppressWarnings("ArrayRecordComponent") // content, never compared
  record Result(byte[] content, @Nullable KeywordHits hits) {}

  /**
   * Applies {@code delta} to {@code base}.
   *
   * @param scanner the keyword pass, or null to work out nothing
   * @param baseHits where the keywords occur in {@code base}, or null when not known
   * @throws IOException when the delta is malformed or does not fit its base
   */
  static Result apply(
      byte[] base, byte[] delta, @Nullable KeywordScanner scanner, @Nullable KeywordHits baseHits)
      throws IOException {
    int[] at = {0};
    long baseSize = varint(delta, at);
    long resultSize = varint(delta, at);
    if (baseSize != base.length || resultSize > Integer.MAX_VALUE - 8) {
      throw new IOException("delta does not fit its base");
    }
    byte[] out = new byte[(int) resultSize];
    Runs runs = scanner != null && baseHits != null ? Runs.LOCAL.get().reset() : null;
    int written = apply(base, delta, at[0], out, runs);
    if (written != out.length) {
      throw new IOException("delta result is " + written + " bytes, not " + out.length);
    }
    return new Result(
        out,
        runs == null || scanner == null || baseHits == null
            ? null
            : runs.hits(out, scanner, baseHits, base.length));
  }

  private static int apply(byte[] base, byte[] delta, int from, byte[] out, @Nullable Runs seams)
      throws IOException {
    int p = from;
    int written = 0;
    while (p < delta.length) {
      int op = delta[p++] & 0xff;
      if ((op & 0x80) != 0) {
        long offset = 0;
        int size = 0;
        for (int bit = 0; bit < 4; bit++) {
          if ((op & (1 << bit)) != 0) {
            offset |= (long) (delta[p++] & 0xff) << (8 * bit);
          }
        }
        for (int bit = 0; bit < 3; bit++) {
          if ((op & (0x10 << bit)) != 0) {
            size |= (delta[p++] & 0xff) << (8 * bit);
          }
        }
        size = size == 0 ? 0x10000 : size;
        if (offset + size > base.length || written + size > out.length) {
          throw new IOException("delta copies outside its base or result");
        }
        System.arraycopy(base, (int) offset, out, written, size);
        if (seams != null) {
          seams.copied(written, (int) offset, size);
        }
        written += size;
      } else if (op != 0) {
        if (p + op > delta.length || written + op > out.length) {
          throw new IOException("delta inserts past its end");
        }
        System.arraycopy(delta, p, out, written, op);
        if (seams != null) {
          seams.inserted(written, written + op);
        }
        p += op;
        written += op;
      } else {
        throw new IOException("delta holds a reserved instruction");
      }
    }
    return written;
  }

  private static long varint(byte[] data, int[] at) throws IOException {
    long value = 0;
    int shift = 0;
    int c;
    do {
      if (at[0] >= data.length) {
        throw new IOException("delta header truncated");
      }
      c = data[at[0]++] & 0xff;
      value |= (long) (c & 0x7f) << shift;
      shift += 7;
    } while ((c & 0x80) != 0);
    return value;
  }

  /**
   * The runs a result was built from, in order: each copied run (where it lies in the result and in
   * the base; runs copied from consecutive stretches of the base joined) and each inserted one.
   */
  private static final class Runs {
    private static final int INSERTED = -1;

    /** Runs are noted for every delta a thread applies: its list is reused, not grown each time. */
    static final ThreadLocal<Runs> LOCAL = ThreadLocal.withInitial(Runs::new);

    /** A list longer than this (a delta of tens of thousands of runs) is not kept for the next. */
    private static final int KEPT = 3 << 14;

    /** Bytes of the base per block of its index: a few occurrences at most, mostly none. */
    private static final int BLOCK = 6;

    /** Base occurrences worth an index. */
    private static final int INDEXED = 16;

    /**
     * Blocks (and occurrences) of the base a copied run is worth: a search costs a few dozen
     * scattered reads, a block one write in order.
     */
    private static final int WORTH = 64;

    private int[] runs = new int[24];
    private int count;

    /** By block of the base, its first occurrence ending after the block's start. */
    private int[] blocks = new int[0];

    Runs reset() {
      if (runs.length > KEPT) {
        runs = new int[24];
      }
      if (blocks.length > KEPT) {
        blocks = new int[0];
      }
      count = 0;
      return this;
    }

    /** Bytes {@code [at, at + size)} were copied from the base at {@code offset}. */
    void copied(int at, int offset, int size) {
      if (count > 0 && runs[count - 1] >= 0 && runs[count - 1] + runs[count - 2] == offset) {
        runs[count - 2] += size; // the same stretch of the base goes on: no seam
        return;
      }
      add(at, size, offset);
    }

    /** Bytes {@code [from, to)} were inserted. */
    void inserted(int from, int to) {
      add(from, to - from, INSERTED);
    }

    private void add(int at, int size, int offset) {
      if (count + 3 > runs.length) {
        runs = Arrays.copyOf(runs, runs.length * 2);
      }
      runs[count++] = at;
      runs[count++] = size;
      runs[count++] = offset;
    }

    /**
     * Every occurrence in {@code out}: the base's, carried by the copied runs that hold them whole;
     * those inside inserted runs; and those straddling the start of a run (each reported at the
     * first run start it straddles).
     */
    KeywordHits hits(byte[] out, KeywordScanner scanner, KeywordHits base, int baseLength) {
      KeywordHits.Builder hits = new KeywordHits.Builder();
      KeywordScanner.Occurrence add =
          (keyword, end) -> hits.add(keyword, scanner.length(keyword), end);
      boolean indexed = index(base, baseLength);
      int cursor = 0; // the base's first occurrence ending after the last copied run's start
      for (int r = 0; r < count; r += 3) {
        int at = runs[r];
        int size = runs[r + 1];
        int offset = runs[r + 2];
        if (r > 0) {
          scanner.crossing(out, at, runs[r - 3], add);
        }
        if (offset == INSERTED) {
          scanner.scan(out, at, at + size, add);
        } else {
          cursor = indexed ? firstEndingAfter(base, offset) : base.firstEndingAfter(offset, cursor);
          carry(base, scanner, at, offset, offset + size, cursor, hits);
        }
      }
      return scanner.ordered(hits);
    }

    /**
     * Indexes the base's occurrences by block of {@code 1 << BLOCK} bytes when the copied runs are
     * many and the occurrences too (a large file whose delta copies from all over it): each run's
     * first occurrence is then a look-up and a step or two, not a search from the last run's, which
     * may be far. Returns whether it did.
     */
    private boolean index(KeywordHits base, int baseLength) {
      int copies = 0;
      for (int r = 2; r < count; r += 3) {
        copies += runs[r] == INSERTED ? 0 : 1;
      }
      int blockCount = (baseLength >> BLOCK) + 1;
      if (base.count() < INDEXED || (long) copies * WORTH < blockCount + base.count()) {
        return false;
      }
      if (blocks.length < blockCount) {
        blocks = new int[Math.max(blockCount, blocks.length * 2)];
      }
      int h = 0;
      for (int b = 0; b < blockCount; b++) {
        long start = (long) b << BLOCK;
        while (h < base.count() && base.end(h) <= start) {
          h++;
        }
        blocks[b] = h; // the first occurrence ending after the block's start
      }
      return true;
    }

    /** The base's first occurrence ending after {@code offset}, found through {@link #index}. */
    private int firstEndingAfter(KeywordHits base, int offset) {
      int h = blocks[offset >> BLOCK];
      while (h < base.count() && base.end(h) <= offset) {
        h++;
      }
      return h;
    }

    /**
     * The base's occurrences inside {@code [offset, end)}, moved to the result at {@code at};
     * {@code first} is the base's first occurrence ending after {@code offset}.
     */
    private static void carry(
        KeywordHits base,
        KeywordScanner scanner,
        int at,
        int offset,
        int end,
        int first,
        KeywordHits.Builder hits) {
      for (int i = first; i < base.count() && base.end(i) <= end; i++) {
        int length = scanner.length(base.keyword(i));
        if (base.end(i) - length >= offset) {
          hits.add(base.keyword(i), length, base.end(i) - offset + at);
        }
      }
    }
  }
}

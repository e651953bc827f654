package dev.rekey.scanner.git;

import dev.rekey.scanner.pipeline.KeywordSet;
import java.io.IOException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Applies a git delta (a base size, a result size, then copy-from-base and insert-these-bytes
 * instructions) and, on the way, proves the result free of keywords when its base is. A keyword in
 * the result either lies wholly inside one copied run — a piece of the base, which holds none — or
 * touches an inserted byte, or spans a seam between two instructions. So only the inserted bytes
 * and a keyword's length around each seam are looked at: the bytes a delta adds, not the whole
 * blob, which is how matching a history approaches the cost of reading it.
 */
final class Delta {
  private Delta() {}

  /** A delta's result, and whether it is proven to hold no keyword. */
  @SuppressWarnings("ArrayRecordComponent") // content, never compared
  record Result(byte[] content, boolean keywordFree) {}

  /**
   * Applies {@code delta} to {@code base}.
   *
   * @param keywords the keywords to prove absent, or null to prove nothing
   * @param baseKeywordFree whether {@code base} is proven to hold none of them
   * @throws IOException when the delta is malformed or does not fit its base
   */
  static Result apply(
      byte[] base, byte[] delta, @Nullable KeywordSet keywords, boolean baseKeywordFree)
      throws IOException {
    int[] at = {0};
    long baseSize = varint(delta, at);
    long resultSize = varint(delta, at);
    if (baseSize != base.length || resultSize > Integer.MAX_VALUE - 8) {
      throw new IOException("delta does not fit its base");
    }
    byte[] out = new byte[(int) resultSize];
    boolean prove = keywords != null && baseKeywordFree;
    Seams seams = new Seams(prove && keywords != null ? keywords.longest() : 0);
    int written = apply(base, delta, at[0], out, prove ? seams : null);
    if (written != out.length) {
      throw new IOException("delta result is " + written + " bytes, not " + out.length);
    }
    return new Result(out, prove && keywords != null && !seams.anyKeyword(out, keywords));
  }

  private static int apply(byte[] base, byte[] delta, int from, byte[] out, @Nullable Seams seams)
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
          seams.seam(written);
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
   * The stretches of a result that a keyword could lie in without lying inside one copied run: each
   * inserted run and each seam, widened by a keyword's length less one, merged as they come.
   */
  private static final class Seams {
    private final int reach;
    private int[] spans = new int[16];
    private int count;

    Seams(int longest) {
      this.reach = Math.max(0, longest - 1);
    }

    /** A copied run starts at {@code at}: a keyword may straddle the seam before it. */
    void seam(int at) {
      if (at > 0) {
        add(at - reach - 1, at + reach + 1);
      }
    }

    /** Bytes {@code [from, to)} were inserted. */
    void inserted(int from, int to) {
      add(from - reach, to + reach);
    }

    private void add(int from, int to) {
      if (count > 0 && from <= spans[count - 1]) {
        spans[count - 1] = Math.max(spans[count - 1], to);
        return;
      }
      if (count == spans.length) {
        spans = Arrays.copyOf(spans, count * 2);
      }
      spans[count++] = from;
      spans[count++] = to;
    }

    boolean anyKeyword(byte[] content, KeywordSet keywords) {
      for (int i = 0; i < count; i += 2) {
        if (keywords.anyIn(content, spans[i], spans[i + 1])) {
          return true;
        }
      }
      return false;
    }
  }
}

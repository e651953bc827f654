package dev.rekey.scanner.git;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Moves sets of positions from one numbering to another (the tips of the last scan to the tips now,
 * the tips to the sorted catalog of their names), a word at a time: the map is kept as runs of
 * consecutive positions that stay consecutive, so a set of 52k tips (rails) costs its 800 words,
 * not a look-up per tip, when the two numberings differ in a few places (a new ref, a deleted one,
 * stash entries listed after the tags).
 */
@SuppressWarnings("JdkObsolete") // BitSet: sets of tip and catalog positions
final class PositionMap {
  /** Per run: first position mapped, where it goes, how many follow; then the same for the next. */
  private final int[] runs;

  private final int size;
  private final boolean inPlace; // every position kept stays where it is (others are dropped)

  private PositionMap(int[] runs, int size, boolean inPlace) {
    this.runs = runs;
    this.size = size;
    this.inPlace = inPlace;
  }

  /**
   * The map sending position {@code i} to {@code to[i]}, or nowhere when that is negative. Two
   * positions may go to the same place (the set then holds it when it held either).
   */
  static PositionMap of(int[] to) {
    int[] runs = new int[12];
    int length = 0;
    int size = 0;
    for (int i = 0; i < to.length; i++) {
      if (to[i] < 0) {
        continue;
      }
      size = Math.max(size, to[i] + 1);
      if (length > 0
          && runs[length - 3] + runs[length - 1] == i
          && runs[length - 2] + runs[length - 1] == to[i]) {
        runs[length - 1]++;
        continue;
      }
      if (length == runs.length) {
        runs = Arrays.copyOf(runs, runs.length * 2);
      }
      runs[length++] = i;
      runs[length++] = to[i];
      runs[length++] = 1;
    }
    boolean inPlace = true;
    for (int r = 0; r < length; r += 3) {
      inPlace &= runs[r] == runs[r + 1];
    }
    return new PositionMap(Arrays.copyOf(runs, length), size, inPlace);
  }

  /** The number of runs (for tests: how well the numberings line up). */
  int runCount() {
    return runs.length / 3;
  }

  /** The positions {@code set} holds, each sent where the map sends it (a new set). */
  BitSet apply(BitSet set) {
    if (inPlace) { // the common case: the same tips, a few moved or deleted
      BitSet copy = set.get(0, size);
      int kept = 0;
      for (int r = 0; r < runs.length; r += 3) {
        copy.clear(kept, runs[r]);
        kept = runs[r] + runs[r + 2];
      }
      return copy;
    }
    long[] in = set.toLongArray();
    long[] out = new long[(size + 63) >>> 6];
    for (int r = 0; r < runs.length; r += 3) {
      copy(in, runs[r], out, runs[r + 1], runs[r + 2]);
    }
    return BitSet.valueOf(out);
  }

  /** ORs bits {@code [from, from + length)} of {@code in} into {@code out} from bit {@code to}. */
  private static void copy(long[] in, int from, long[] out, int to, int length) {
    int limit = Math.min(length, in.length * 64 - from);
    for (int done = 0; done < limit; ) {
      int n = Math.min(64, limit - done);
      long bits = bitsAt(in, from + done);
      if (n < 64) {
        bits &= (1L << n) - 1;
      }
      if (bits != 0) {
        int at = to + done;
        int word = at >>> 6;
        int shift = at & 63;
        out[word] |= bits << shift;
        if (shift != 0 && n > 64 - shift) {
          out[word + 1] |= bits >>> (64 - shift);
        }
      }
      done += n;
    }
  }

  /** The 64 bits of {@code words} from bit {@code at} (zeros past the end). */
  private static long bitsAt(long[] words, int at) {
    int word = at >>> 6;
    int shift = at & 63;
    long low = words[word] >>> shift;
    if (shift == 0 || word + 1 >= words.length) {
      return low;
    }
    return low | (words[word + 1] << (64 - shift));
  }
}

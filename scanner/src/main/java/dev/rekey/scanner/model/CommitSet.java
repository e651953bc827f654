package dev.rekey.scanner.model;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;

/**
 * An immutable set of commits, as positions in a scan's order of commits, held as runs of
 * consecutive positions. A blob is held by long runs of that order (a branch's commits are listed
 * one after the other), so a secret held by 100k commits of a 161k-commit history costs a few
 * hundred bytes here, where a bit per commit of the history cost 20 KB for each of its blobs.
 */
@SuppressWarnings("JdkObsolete") // BitSet: what callers outside a scan build sets with
public final class CommitSet {
  private static final CommitSet EMPTY = new CommitSet(new int[0], 0);

  /** Start and end (exclusive) of each run, ascending, runs neither touching nor overlapping. */
  private final int[] runs;

  private final int size;

  private CommitSet(int[] runs, int size) {
    this.runs = runs;
    this.size = size;
  }

  /** The empty set. */
  public static CommitSet of() {
    return EMPTY;
  }

  /** The positions set in {@code bits}. */
  public static CommitSet of(BitSet bits) {
    Builder builder = new Builder();
    bits.stream().forEach(builder::add);
    return builder.build();
  }

  /** The number of commits. */
  public int size() {
    return size;
  }

  /** Whether the set holds the commit at {@code position}. */
  public boolean contains(int position) {
    int at = Arrays.binarySearch(runs, position);
    return at >= 0 ? at % 2 == 0 : (-1 - at) % 2 == 1;
  }

  /** The commits in either set: one of the two when it holds them all. */
  public CommitSet union(CommitSet other) {
    if (other.size == 0 || other == this) {
      return this;
    }
    if (size == 0) {
      return other;
    }
    Builder merged = new Builder(runs.length + other.runs.length);
    int i = 0;
    int j = 0;
    while (i < runs.length || j < other.runs.length) {
      boolean mine = j == other.runs.length || (i < runs.length && runs[i] <= other.runs[j]);
      int[] from = mine ? runs : other.runs;
      int at = mine ? i : j;
      merged.addRun(from[at], from[at + 1]);
      i += mine ? 2 : 0;
      j += mine ? 0 : 2;
    }
    CommitSet union = merged.build();
    return union.size == size ? this : union.size == other.size ? other : union;
  }

  /**
   * The commits in any of {@code sets}: marked in one bit set, then read back as runs, so each run
   * of each set is touched once however many sets there are.
   */
  public static CommitSet unionAll(List<CommitSet> sets) {
    if (sets.size() <= 2) {
      return sets.isEmpty()
          ? EMPTY
          : sets.size() == 1 ? sets.get(0) : sets.get(0).union(sets.get(1));
    }
    BitSet bits = new BitSet();
    int runCount = 0;
    for (CommitSet set : sets) {
      for (int r = 0; r < set.runs.length; r += 2) {
        bits.set(set.runs[r], set.runs[r + 1]);
      }
      runCount = Math.max(runCount, set.runs.length);
    }
    Builder union = new Builder(runCount);
    for (int start = bits.nextSetBit(0); start >= 0; ) {
      int end = bits.nextClearBit(start);
      union.addRun(start, end);
      start = bits.nextSetBit(end);
    }
    return union.build();
  }

  /** Whether the set holds a position set in {@code bits}. */
  public boolean intersects(BitSet bits) {
    for (int r = 0; r < runs.length; r += 2) {
      int next = bits.nextSetBit(runs[r]);
      if (next >= 0 && next < runs[r + 1]) {
        return true;
      }
    }
    return false;
  }

  /** The smallest position, or -1 when the set is empty. */
  public int first() {
    return size == 0 ? -1 : runs[0];
  }

  /** The number of runs of consecutive positions. */
  public int runCount() {
    return runs.length / 2;
  }

  /** The first position of run {@code run}. */
  public int runStart(int run) {
    return runs[2 * run];
  }

  /** The position after the last of run {@code run}. */
  public int runEnd(int run) {
    return runs[2 * run + 1];
  }

  /** The positions, ascending. */
  public IntStream stream() {
    return IntStream.range(0, runs.length / 2)
        .flatMap(r -> IntStream.range(runs[2 * r], runs[2 * r + 1]));
  }

  /** The set as a bit per position. */
  public BitSet toBitSet() {
    BitSet bits = new BitSet();
    for (int r = 0; r < runs.length; r += 2) {
      bits.set(runs[r], runs[r + 1]);
    }
    return bits;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CommitSet other && Arrays.equals(runs, other.runs);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(runs);
  }

  @Override
  public String toString() {
    return size + " commits in " + runs.length / 2 + " runs";
  }

  /** Builds a set from positions or runs given in ascending order of their starts. */
  public static final class Builder {
    private int[] runs;
    private int length;
    private int size;

    public Builder() {
      this(4);
    }

    /** A builder with room for {@code room / 2} runs before it grows. */
    Builder(int room) {
      runs = new int[Math.max(4, room)];
    }

    /** Adds {@code position}; positions come in ascending order (a repeat is ignored). */
    public Builder add(int position) {
      return addRun(position, position + 1);
    }

    /** Adds the positions {@code [start, end)}; starts come in ascending order. */
    public Builder addRun(int start, int end) {
      if (end <= start) {
        throw new IllegalArgumentException("run " + start + ".." + end + " is empty");
      }
      if (length > 0 && start < runs[length - 2]) {
        throw new IllegalArgumentException("position " + start + " comes before the last run");
      }
      if (length > 0 && start <= runs[length - 1]) {
        int last = runs[length - 1];
        if (end > last) {
          size += end - last;
          runs[length - 1] = end;
        }
        return this;
      }
      if (length == runs.length) {
        runs = Arrays.copyOf(runs, runs.length * 2);
      }
      runs[length++] = start;
      runs[length++] = end;
      size += end - start;
      return this;
    }

    /** The set of what was added. */
    public CommitSet build() {
      return length == 0 ? EMPTY : new CommitSet(Arrays.copyOf(runs, length), size);
    }
  }
}

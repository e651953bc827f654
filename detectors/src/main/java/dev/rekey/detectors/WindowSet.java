package dev.rekey.detectors;

import java.util.Arrays;

/**
 * Per-rule lists of {@code [from, to)} spans in ascending order of {@code from}. Merging sets join
 * overlapping windows; the others keep one span per distinct start (anchored attempts).
 */
final class WindowSet {
  private static final int[] NONE = new int[0];

  private final int[][] spans;
  private final int[] counts;
  private final boolean merge;

  WindowSet(int rules, boolean merge) {
    this.spans = new int[rules][];
    this.counts = new int[rules];
    this.merge = merge;
  }

  void add(int rule, int from, int to) {
    int[] list = spans[rule];
    int n = counts[rule];
    if (list == null) {
      list = spans[rule] = new int[8];
    } else if (n > 0 && (merge ? from <= list[n - 1] : from == list[n - 2])) {
      list[n - 1] = Math.max(list[n - 1], to);
      return;
    } else if (n == list.length) {
      list = spans[rule] = Arrays.copyOf(list, n * 2);
    }
    list[n] = from;
    list[n + 1] = to;
    counts[rule] = n + 2;
  }

  /** The number of ints used in {@link #spans}: twice the number of spans. */
  int count(int rule) {
    return counts[rule];
  }

  /**
   * Empties rule {@code rule}'s list, keeping its array for reuse unless it has more than {@code
   * keep} ints.
   */
  void clear(int rule, int keep) {
    counts[rule] = 0;
    int[] list = spans[rule];
    if (list != null && list.length > keep) {
      spans[rule] = null;
    }
  }

  int[] spans(int rule) {
    int[] list = spans[rule];
    return list == null ? NONE : list;
  }
}

package dev.rekey.scanner.staged;

import java.util.Arrays;

/** A set of 1-based line numbers, held as ascending, disjoint {@code [first, last]} ranges. */
public final class LineRanges {
  private int[] bounds = new int[8];
  private int size;

  /** Adds the {@code count} lines from {@code first}; a count of 0 adds nothing. */
  void add(int first, int count) {
    if (count <= 0) {
      return;
    }
    int last = first + count - 1;
    if (size > 0 && first <= bounds[size - 1] + 1) {
      bounds[size - 1] = Math.max(bounds[size - 1], last);
      return;
    }
    if (size == bounds.length) {
      bounds = Arrays.copyOf(bounds, size * 2);
    }
    bounds[size++] = first;
    bounds[size++] = last;
  }

  /** Whether {@code line} is in the set. Hunks arrive in order, so the ranges are sorted. */
  public boolean contains(int line) {
    int low = 0;
    int high = size / 2 - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (line < bounds[2 * mid]) {
        high = mid - 1;
      } else if (line > bounds[2 * mid + 1]) {
        low = mid + 1;
      } else {
        return true;
      }
    }
    return false;
  }

  /** Whether no line is in the set. */
  public boolean isEmpty() {
    return size == 0;
  }

  /** The number of lines in the set. */
  public int lineCount() {
    int count = 0;
    for (int i = 0; i < size; i += 2) {
      count += bounds[i + 1] - bounds[i] + 1;
    }
    return count;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < size; i += 2) {
      text.append(i == 0 ? "" : ", ").append(bounds[i]).append('-').append(bounds[i + 1]);
    }
    return text.append(']').toString();
  }
}

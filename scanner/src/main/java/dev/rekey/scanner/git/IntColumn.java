package dev.rekey.scanner.git;

import java.util.Arrays;

/** A growing array of ints: one column of a compact table, with no object per row. */
final class IntColumn {
  private int[] values;
  private int size;

  IntColumn(int capacity) {
    values = new int[Math.max(4, capacity)];
  }

  void add(int value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  int get(int index) {
    return values[index];
  }

  void set(int index, int value) {
    values[index] = value;
  }

  int size() {
    return size;
  }

  /** Empties the column, keeping its array for the rows to come. */
  void clear() {
    size = 0;
  }

  /** The backing array (replaced when the column grows); rows past {@link #size()} are unused. */
  int[] array() {
    return values;
  }

  /** Makes room for rows up to {@code count} (0 where not set yet). */
  void grow(int count) {
    if (count > values.length) {
      values = Arrays.copyOf(values, Math.max(count, values.length * 2));
    }
    size = Math.max(size, count);
  }
}

package dev.rekey.scanner.git;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Columns one thread reuses from tree to tree for the offsets where a tree's entries start (one per
 * tree level being compared at once): a listing finds the entries of millions of trees, and a fresh
 * column for each was a tenth of all it allocated.
 */
final class SpareColumns {
  private final Deque<IntColumn> spare = new ArrayDeque<>();

  /** An empty column. */
  IntColumn take() {
    IntColumn column = spare.poll();
    if (column == null) {
      return new IntColumn(1024);
    }
    column.clear();
    return column;
  }

  /** Returns a column taken, once its content has been copied out. */
  void give(IntColumn column) {
    spare.push(column);
  }
}

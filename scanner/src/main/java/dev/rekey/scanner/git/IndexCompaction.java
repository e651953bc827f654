package dev.rekey.scanner.git;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The part of a {@link HistoryIndex} worth keeping, renumbered densely: the commits of the scan
 * order whose facts are sure (in that order, so parents come first), the commits they name as
 * parents but are not kept (as bare ids, read again next time), and only the paths, objects and
 * people these commits refer to.
 */
final class IndexCompaction {
  private final HistoryIndex index;
  private final int[] kept;
  private final int[] commitNumber;
  private final List<Integer> stubs = new ArrayList<>();

  IndexCompaction(HistoryIndex index, int[] order) {
    this.index = index;
    this.kept = Arrays.stream(order).filter(c -> HistoryIndexFile.sure(index, c)).toArray();
    this.commitNumber = new int[index.size()];
    Arrays.fill(commitNumber, -1);
    for (int i = 0; i < kept.length; i++) {
      commitNumber[kept[i]] = i;
    }
  }

  int kept() {
    return kept.length;
  }

  void write(IndexWriter out) {
    int[] person = renumber(index.people.size());
    int[] path = renumber(index.paths.size());
    int[] object = renumber(index.objects.size());
    for (int c : kept) {
      if (index.person(c) >= 0) {
        number(person, index.person(c));
      }
      for (int k = 0; k < index.changeCount(c); k++) {
        number(path, index.changePath(c, k));
        if (index.changeObject(c, k) >= 0) {
          number(object, index.changeObject(c, k));
        }
      }
      for (int p = 0; p < index.parentCount(c); p++) {
        int parent = index.parent(c, p);
        if (commitNumber[parent] < 0) {
          commitNumber[parent] = kept.length + stubs.size();
          stubs.add(parent);
        }
      }
    }
    writeTables(out, person, path, object);
    writeCommits(out, person);
    for (int c : kept) {
      for (int k = 0; k < index.changeCount(c); k++) {
        out.putInt(path[index.changePath(c, k)]);
        int o = index.changeObject(c, k);
        out.putInt(o < 0 ? -1 : object[o]);
        out.put((byte) index.changeKind(c, k));
      }
    }
  }

  private void writeTables(IndexWriter out, int[] person, int[] path, int[] object) {
    out.putInt(count(person));
    for (int p : inOrder(person)) {
      People.Person who = index.people.get(p);
      out.string(who.name());
      out.string(who.email());
    }
    out.putInt(count(path));
    for (int p : inOrder(path)) {
      out.string(index.paths.get(p));
    }
    out.putInt(count(object));
    for (int o : inOrder(object)) {
      out.id(index.objects.get(o));
    }
  }

  private void writeCommits(IndexWriter out, int[] person) {
    out.putInt(kept.length + stubs.size());
    out.putInt(kept.length);
    for (int c : kept) {
      out.id(index.id(c));
    }
    for (int c : stubs) {
      out.id(index.id(c));
    }
    for (int c : kept) {
      out.putInt(index.flags(c) & (HistoryIndex.PARSED | HistoryIndex.DIFFED));
      out.id(index.tree(c));
      out.id(index.message(c));
      out.putInt(index.person(c) < 0 ? -1 : person[index.person(c)]);
      out.putLong(index.time(c));
      out.putInt(index.parentCount(c));
      for (int p = 0; p < index.parentCount(c); p++) {
        out.putInt(commitNumber[index.parent(c, p)]);
      }
      out.putInt(index.changeCount(c));
    }
  }

  /** A renumbering table: -1 for rows not used; the count of used rows in its last slot. */
  private static int[] renumber(int size) {
    int[] numbers = new int[size + 1];
    Arrays.fill(numbers, 0, size, -1);
    return numbers;
  }

  private static void number(int[] numbers, int row) {
    if (numbers[row] < 0) {
      numbers[row] = numbers[numbers.length - 1]++;
    }
  }

  private static int count(int[] numbers) {
    return numbers[numbers.length - 1];
  }

  /** The used rows, in the order of their new numbers. */
  private static int[] inOrder(int[] numbers) {
    int[] rows = new int[count(numbers)];
    for (int row = 0; row < numbers.length - 1; row++) {
      if (numbers[row] >= 0) {
        rows[numbers[row]] = row;
      }
    }
    return rows;
  }
}

package dev.rekey.scanner.git;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.eclipse.jgit.lib.MutableObjectId;
import org.eclipse.jgit.util.RawParseUtils;
import org.jspecify.annotations.Nullable;

/**
 * A raw git tree object ({@code <octal mode> <name>\0<20-byte id>} repeated, sorted by name) and,
 * once known, where each entry starts, so entries can be reached directly. An entry is addressed by
 * its start and end offsets. Where the entries start is found by parsing the whole tree, or — far
 * cheaper — by {@link TreeDiff} while comparing the tree with an earlier version of it: the runs of
 * bytes they share hold the same entries, at shifted offsets.
 */
final class TreeEntries {
  static final int TREE = 0040000;
  static final int GITLINK = 0160000;
  static final int TYPE_MASK = 0170000;
  static final int ID_LENGTH = 20;

  /** An empty tree: what a commit without parents is compared with. */
  static final TreeEntries EMPTY = new TreeEntries(new byte[0], new int[] {0});

  private final byte[] raw;

  /** Set once found, perhaps by another thread sharing the tree (see {@link TreeReader.Kept}). */
  private volatile int @Nullable [] starts;

  private TreeEntries(byte[] raw, int @Nullable [] starts) {
    this.raw = raw;
    this.starts = starts;
  }

  /** A tree whose entries are found when first needed. */
  static TreeEntries of(byte[] raw) {
    return raw.length == 0 ? EMPTY : new TreeEntries(raw, null);
  }

  /**
   * Finds where each entry starts, if not known yet.
   *
   * @throws IllegalStateException when the tree is malformed
   */
  TreeEntries parsed() {
    if (starts == null) { // two threads may both find them: the same offsets
      int[] found = new int[Math.max(4, raw.length / 24)];
      int count = 0;
      for (int p = 0; p < raw.length; p = end(p)) {
        if (count + 1 >= found.length) {
          found = Arrays.copyOf(found, found.length * 2);
        }
        found[count++] = p;
      }
      found[count] = raw.length;
      starts = Arrays.copyOf(found, count + 1);
    }
    return this;
  }

  boolean isParsed() {
    return starts != null;
  }

  /** Sets where the entries start ({@code count + 1} offsets, the last the tree's length). */
  void known(int[] entryStarts) {
    starts = entryStarts;
  }

  byte[] raw() {
    return raw;
  }

  int length() {
    return raw.length;
  }

  /** The number of entries (parsing them if needed). */
  int count() {
    return parsed().startsOrEmpty().length - 1;
  }

  /** Where entry {@code entry} starts; entry {@link #count()} starts at the tree's end. */
  int start(int entry) {
    return parsed().startsOrEmpty()[entry];
  }

  private int[] startsOrEmpty() {
    int[] known = starts;
    return known == null ? new int[] {0} : known;
  }

  /** The entry whose bytes hold offset {@code offset}, searching from entry {@code from}. */
  int entryAt(int offset, int from) {
    int[] known = parsed().startsOrEmpty();
    int found = Arrays.binarySearch(known, from, known.length - 1, offset);
    return found >= 0 ? found : -found - 2;
  }

  /**
   * Where the entry starting at {@code start} ends.
   *
   * @throws IllegalStateException when it is malformed
   */
  int end(int start) {
    int space = start;
    while (space < raw.length && raw[space] != ' ') {
      space++;
    }
    int nul = space + 1;
    while (nul < raw.length && raw[nul] != 0) {
      nul++;
    }
    if (space == start || nul + 1 + ID_LENGTH > raw.length) {
      throw new IllegalStateException("truncated or malformed entry at byte " + start);
    }
    return nul + 1 + ID_LENGTH;
  }

  /**
   * The file mode of the entry starting at {@code start}.
   *
   * @throws IllegalStateException when it is not octal
   */
  int mode(int start) {
    int m = 0;
    for (int p = start; raw[p] != ' '; p++) {
      int digit = raw[p] - '0';
      if (digit < 0 || digit > 7) {
        throw new IllegalStateException("bad file mode at byte " + start);
      }
      m = (m << 3) | digit;
    }
    return m;
  }

  boolean isTree(int start) {
    return (mode(start) & TYPE_MASK) == TREE;
  }

  int nameStart(int start) {
    int p = start;
    while (raw[p] != ' ') {
      p++;
    }
    return p + 1;
  }

  /** The name of the entry {@code [start, end)}, decoded as UTF-8 (Latin-1 where that fails). */
  String name(int start, int end) {
    int from = nameStart(start);
    int to = end - ID_LENGTH - 1;
    for (int p = from; p < to; p++) {
      if (raw[p] < 0) {
        return RawParseUtils.decode(raw, from, to);
      }
    }
    // ASCII, as almost every name is: the same string, without a charset decoder per name.
    return new String(raw, from, to - from, StandardCharsets.ISO_8859_1);
  }

  void copyId(int end, MutableObjectId id) {
    id.fromRaw(raw, end - ID_LENGTH);
  }

  /** Whether the entries ending at {@code aEnd} and {@code bEnd} have the same object id. */
  static boolean sameId(TreeEntries a, int aEnd, TreeEntries b, int bEnd) {
    return Arrays.equals(a.raw, aEnd - ID_LENGTH, aEnd, b.raw, bEnd - ID_LENGTH, bEnd);
  }

  /** Compares two entries in git's tree order: by name, a tree's name as if it ended in '/'. */
  static int compare(
      TreeEntries a, int aStart, int aEnd, boolean aTree, TreeEntries b, int bStart, int bEnd) {
    byte[] x = a.raw;
    byte[] y = b.raw;
    int xFrom = a.nameStart(aStart);
    int xTo = aEnd - ID_LENGTH - 1;
    int yFrom = b.nameStart(bStart);
    int yTo = bEnd - ID_LENGTH - 1;
    boolean bTree = b.isTree(bStart);
    int common = Arrays.mismatch(x, xFrom, xTo, y, yFrom, yTo);
    if (common < 0) {
      return Boolean.compare(aTree, bTree);
    }
    int cx = xFrom + common < xTo ? x[xFrom + common] & 0xff : aTree ? '/' : 0;
    int cy = yFrom + common < yTo ? y[yFrom + common] & 0xff : bTree ? '/' : 0;
    return Integer.compare(cx, cy);
  }

  /**
   * The index of this tree's entry named like entry {@code [start, end)} of {@code other}, of the
   * same kind (tree or not), or -1.
   */
  int find(TreeEntries other, int start, int end, boolean tree) {
    int low = 0;
    int high = count() - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int c = -compare(other, start, end, tree, this, start(mid), start(mid + 1));
      if (c < 0) {
        low = mid + 1;
      } else if (c > 0) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }
}

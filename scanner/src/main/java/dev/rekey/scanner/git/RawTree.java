package dev.rekey.scanner.git;

import org.eclipse.jgit.lib.MutableObjectId;
import org.eclipse.jgit.util.RawParseUtils;

/**
 * A cursor over the entries of a raw git tree object ({@code <octal mode> <name>\0<20-byte id>}
 * repeated), allocating nothing per entry: a history has hundreds of millions of entries, nearly
 * all of them already seen.
 */
final class RawTree {
  static final int TREE = 0040000;
  static final int GITLINK = 0160000;
  private static final int TYPE_MASK = 0170000;
  private static final int ID_LENGTH = 20;

  private final byte[] raw;
  private final MutableObjectId id = new MutableObjectId();
  private int next;
  private int mode;
  private int nameStart;
  private int nameEnd;

  RawTree(byte[] raw) {
    this.raw = raw;
  }

  /**
   * Moves to the next entry; false at the end.
   *
   * @throws IllegalStateException when the tree is malformed
   */
  boolean next() {
    if (next >= raw.length) {
      return false;
    }
    int p = next;
    int m = 0;
    while (p < raw.length && raw[p] != ' ') {
      int digit = raw[p++] - '0';
      if (digit < 0 || digit > 7) {
        throw new IllegalStateException("bad file mode at byte " + next);
      }
      m = (m << 3) | digit;
    }
    nameStart = p + 1;
    p = nameStart;
    while (p < raw.length && raw[p] != 0) {
      p++;
    }
    nameEnd = p;
    if (p + 1 + ID_LENGTH > raw.length) {
      throw new IllegalStateException("truncated entry at byte " + next);
    }
    id.fromRaw(raw, p + 1);
    mode = m;
    next = p + 1 + ID_LENGTH;
    return true;
  }

  boolean isTree() {
    return (mode & TYPE_MASK) == TREE;
  }

  boolean isGitlink() {
    return (mode & TYPE_MASK) == GITLINK;
  }

  /** The entry's object id; valid until the next call to {@link #next()}. */
  MutableObjectId id() {
    return id;
  }

  /** The entry's name, decoded as UTF-8 (or Latin-1 where that fails, as git does). */
  String name() {
    return RawParseUtils.decode(raw, nameStart, nameEnd);
  }
}

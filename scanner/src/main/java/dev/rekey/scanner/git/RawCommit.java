package dev.rekey.scanner.git;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.util.RawParseUtils;
import org.jspecify.annotations.Nullable;

/**
 * What a history scan reads from a commit object: its tree, its parents and its author. Parsed
 * straight from the raw object, without JGit's revision walk.
 *
 * @param tree the root tree
 * @param parents the parents, first parent first
 * @param author the author, or null when the commit names none
 */
record RawCommit(ObjectId tree, List<ObjectId> parents, @Nullable PersonIdent author) {
  private static final byte[] TREE = Constants.encodeASCII("tree ");
  private static final byte[] PARENT = Constants.encodeASCII("parent ");
  private static final int HEX = Constants.OBJECT_ID_STRING_LENGTH;

  /**
   * Parses {@code raw}, a commit object as stored. Like git's own readers (and like the trees and
   * blobs of a scan) it is not hashed again to check it against its id: a damaged object fails to
   * inflate (zlib's checksum), and hashing every commit was a fifth of the commit walk's time on
   * rails.
   *
   * @throws CorruptObjectException when it is not a commit
   */
  static RawCommit parse(byte[] raw) throws CorruptObjectException {
    if (!startsWith(raw, 0, TREE) || raw.length < TREE.length + HEX + 1) {
      throw new CorruptObjectException("no tree line");
    }
    ObjectId tree = hexId(raw, TREE.length);
    int p = TREE.length + HEX + 1;
    List<ObjectId> parents = new ArrayList<>(2);
    while (startsWith(raw, p, PARENT)) {
      if (raw.length < p + PARENT.length + HEX + 1) {
        throw new CorruptObjectException("truncated parent line");
      }
      parents.add(hexId(raw, p + PARENT.length));
      p += PARENT.length + HEX + 1;
    }
    int author = RawParseUtils.author(raw, p);
    PersonIdent ident = author < 0 ? null : RawParseUtils.parsePersonIdent(raw, author);
    return new RawCommit(tree, List.copyOf(parents), ident);
  }

  private static ObjectId hexId(byte[] raw, int at) throws CorruptObjectException {
    try {
      return ObjectId.fromString(raw, at);
    } catch (IllegalArgumentException e) {
      throw new CorruptObjectException("bad object id at byte " + at);
    }
  }

  private static boolean startsWith(byte[] raw, int at, byte[] prefix) {
    if (at + prefix.length > raw.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (raw[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}

package dev.rekey.scanner.git;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.eclipse.jgit.lib.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * A {@link HistoryIndex} kept between scans, in the user's cache folder ({@link CacheFolder}),
 * never in the repository: a repository cannot supply it. Only commits whose facts are sure are
 * kept — read and diffed whole, not cut by a shallow clone — and only those the scan reached, so
 * the file follows the history through rebases and deleted refs. A file that is truncated, fails
 * its checksum or does not parse is ignored (the history is listed afresh), never trusted.
 */
final class HistoryIndexFile {
  private static final byte[] MAGIC = "REKEYHX1".getBytes(StandardCharsets.US_ASCII);
  private static final int KEPT_FLAGS = HistoryIndex.PARSED | HistoryIndex.DIFFED;
  private static final int ID = 20;

  private HistoryIndexFile() {}

  /** The index stored in {@code file} for the repository at {@code gitDir}, or null. */
  static @Nullable Loaded read(Path file, String gitDir) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      if (bytes.length < MAGIC.length + Long.BYTES) {
        return null;
      }
      ByteBuffer in = ByteBuffer.wrap(bytes, 0, bytes.length - Long.BYTES);
      CRC32C crc = new CRC32C();
      crc.update(bytes, 0, bytes.length - Long.BYTES);
      if (crc.getValue() != ByteBuffer.wrap(bytes, bytes.length - Long.BYTES, Long.BYTES).getLong()
          || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
        return null;
      }
      in.position(MAGIC.length);
      return string(in).equals(gitDir) ? parse(in) : null;
    } catch (IOException | RuntimeException e) {
      return null; // no file yet, or not one we wrote: list afresh
    }
  }

  /** An index as read, and how many commits it held whole. */
  record Loaded(HistoryIndex index, int commits) {}

  private static @Nullable Loaded parse(ByteBuffer in) {
    HistoryIndex index = new HistoryIndex();
    int people = in.getInt();
    for (int i = 0; i < people; i++) {
      index.people.indexOf(new People.Person(string(in), string(in)));
    }
    int paths = in.getInt();
    for (int i = 0; i < paths; i++) {
      index.paths.intern(string(in));
    }
    int objects = in.getInt();
    for (int i = 0; i < objects; i++) {
      if (index.objects.add(id(in)) != i) {
        return null;
      }
    }
    int total = in.getInt();
    int kept = in.getInt();
    for (int i = 0; i < total; i++) {
      if (index.commit(id(in)) != i) {
        return null;
      }
    }
    if (index.people.size() != people || index.paths.size() != paths || kept > total) {
      return null;
    }
    int[] changes = new int[kept];
    for (int c = 0; c < kept; c++) {
      changes[c] = commit(in, index, c, total, people);
    }
    for (int c = 0; c < kept; c++) {
      for (int k = 0; k < changes[c]; k++) {
        int path = in.getInt();
        int object = in.getInt();
        int kind = in.get();
        if (path < 0 || path >= paths || object < -1 || object >= objects || kind < 0 || kind > 7) {
          return null;
        }
        index.restoreChange(c, path, object, kind);
      }
    }
    return in.hasRemaining() ? null : new Loaded(index, kept);
  }

  /** Restores one kept commit; returns how many changes follow for it, -1 … when invalid. */
  private static int commit(ByteBuffer in, HistoryIndex index, int c, int total, int people) {
    int flags = in.getInt() & KEPT_FLAGS;
    int[] words = new int[10];
    for (int w = 0; w < 10; w++) {
      words[w] = in.getInt();
    }
    int person = in.getInt();
    long time = in.getLong();
    int[] parents = new int[in.getInt()];
    for (int k = 0; k < parents.length; k++) {
      parents[k] = in.getInt();
      if (parents[k] < 0 || parents[k] >= total) {
        throw new BufferUnderflowException();
      }
    }
    if (person < -1 || person >= people || flags != KEPT_FLAGS) {
      throw new BufferUnderflowException();
    }
    index.restore(c, flags, person, time, words, parents);
    return in.getInt();
  }

  /**
   * Writes the commits of {@code order} whose facts are sure (atomically: to a temporary file, then
   * moved into place; readable by the user only).
   *
   * @throws IOException when the file cannot be written
   */
  static void write(Path file, String gitDir, HistoryIndex index, int[] order) throws IOException {
    IndexWriter out = new IndexWriter(MAGIC);
    out.string(gitDir);
    new IndexCompaction(index, order).write(out);
    out.writeTo(file);
  }

  /** How many of {@code order}'s commits a written file would keep. */
  static int keepable(HistoryIndex index, int[] order) {
    return new IndexCompaction(index, order).kept();
  }

  static boolean sure(HistoryIndex index, int commit) {
    return (index.flags(commit) & (KEPT_FLAGS | HistoryIndex.SHALLOW | HistoryIndex.INCOMPLETE))
        == KEPT_FLAGS;
  }

  private static ObjectId id(ByteBuffer in) {
    byte[] raw = new byte[ID];
    in.get(raw);
    return ObjectId.fromRaw(raw);
  }

  private static String string(ByteBuffer in) {
    int length = in.getInt();
    String text = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return text;
  }
}

package dev.rekey.scanner.git;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.zip.CRC32C;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * The commits a full listing reached and their parents, kept in the user's cache folder beside the
 * history's index and read by mapping the file, not loading it: ids in the listing's order (a
 * commit's place in that order is its number, so a blob's carriers stay the runs of consecutive
 * numbers the listing found), the numbers sorted by id (a commit is found by binary search), then
 * each commit's parents as numbers. A repeat scan asks it which commits it has already seen and
 * which of them a set of tips still reaches, without reading the history's index. A file that fails
 * its checksum, names another repository or does not add up is ignored.
 */
@SuppressWarnings("JdkObsolete") // BitSet: one bit per commit
final class KnownCommits {
  private static final byte[] MAGIC = "REKEYKC2".getBytes(StandardCharsets.US_ASCII);
  private static final int ID = 20;

  private final ByteBuffer data;
  private final long generation;
  private final int size;
  private final int ids;
  private final int byId;
  private final int offsets;
  private final int parents;

  private KnownCommits(ByteBuffer data, long generation, int size, int ids) {
    this.data = data;
    this.generation = generation;
    this.size = size;
    this.ids = ids;
    this.byId = ids + size * ID;
    this.offsets = byId + size * Integer.BYTES;
    this.parents = offsets + (size + 1) * Integer.BYTES;
  }

  /** The commits kept in {@code file} for the repository at {@code gitDir}, or null. */
  static @Nullable KnownCommits read(Path file, String gitDir) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long length = channel.size();
      if (length < MAGIC.length + 2 * Long.BYTES || length > Integer.MAX_VALUE) {
        return null;
      }
      MappedByteBuffer data = channel.map(FileChannel.MapMode.READ_ONLY, 0, length);
      CRC32C crc = new CRC32C();
      crc.update(data.slice(0, (int) length - Long.BYTES));
      if (crc.getValue() != data.getLong((int) length - Long.BYTES)
          || !data.slice(0, MAGIC.length).equals(ByteBuffer.wrap(MAGIC))) {
        return null;
      }
      byte[] dir = gitDir.getBytes(StandardCharsets.UTF_8);
      int at = MAGIC.length;
      if (data.getInt(at) != dir.length
          || !data.slice(at + Integer.BYTES, dir.length).equals(ByteBuffer.wrap(dir))) {
        return null;
      }
      at += Integer.BYTES + dir.length;
      long generation = data.getLong(at);
      int size = data.getInt(at + Long.BYTES);
      KnownCommits known = new KnownCommits(data, generation, size, at + Long.BYTES + 4);
      return known.consistent(length - Long.BYTES) ? known : null;
    } catch (IOException | RuntimeException e) {
      return null; // no file yet, or not one we wrote: list afresh
    }
  }

  private boolean consistent(long end) {
    if (size < 0 || parents > end || data.getInt(offsets) != 0) {
      return false;
    }
    int count = data.getInt(offsets + size * Integer.BYTES);
    return count >= 0 && parents + (long) count * Integer.BYTES == end;
  }

  int size() {
    return size;
  }

  /** Written with the {@link HistorySummary} of the same generation. */
  long generation() {
    return generation;
  }

  /** The number of commit {@code id}, or -1 when it is not known. */
  int number(AnyObjectId id) {
    byte[] raw = new byte[ID];
    id.copyRawTo(raw, 0);
    ByteBuffer wanted = ByteBuffer.wrap(raw);
    long high8 = wanted.getLong(0);
    long middle8 = wanted.getLong(Long.BYTES);
    int low4 = wanted.getInt(2 * Long.BYTES);
    int low = 0;
    int high = size - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      int number = data.getInt(byId + middle * Integer.BYTES);
      if (number < 0 || number >= size) {
        return -1; // not a file we wrote
      }
      int at = ids + number * ID; // ids compared as unsigned bytes, eight at a time
      int order = Long.compareUnsigned(data.getLong(at), high8);
      if (order == 0) {
        order = Long.compareUnsigned(data.getLong(at + Long.BYTES), middle8);
      }
      if (order == 0) {
        order = Integer.compareUnsigned(data.getInt(at + 2 * Long.BYTES), low4);
      }
      if (order < 0) {
        low = middle + 1;
      } else if (order > 0) {
        high = middle - 1;
      } else {
        return number;
      }
    }
    return -1;
  }

  /** The id of commit number {@code commit}. */
  ObjectId id(int commit) {
    byte[] raw = new byte[ID];
    data.get(ids + commit * ID, raw);
    return ObjectId.fromRaw(raw);
  }

  int parentCount(int commit) {
    return data.getInt(offsets + (commit + 1) * Integer.BYTES) - data.getInt(offsets + commit * 4);
  }

  int parent(int commit, int which) {
    return data.getInt(parents + (data.getInt(offsets + commit * Integer.BYTES) + which) * 4);
  }

  /** Marks in {@code reached} every commit reachable from those already marked in {@code start}. */
  void reach(BitSet start, BitSet reached) {
    Deque<Integer> pending = new ArrayDeque<>();
    start.stream().filter(c -> c < size && !reached.get(c)).forEach(pending::push);
    while (!pending.isEmpty()) {
      int commit = pending.pop();
      if (reached.get(commit)) {
        continue;
      }
      reached.set(commit);
      for (int k = parentCount(commit) - 1; k >= 0; k--) {
        int parent = parent(commit, k);
        if (parent >= 0 && parent < size && !reached.get(parent)) {
          pending.push(parent);
        }
      }
    }
  }

  /**
   * Writes the commits of {@code order} with their parents (atomically, readable by the user only),
   * numbered by their place in {@code order}; returns the number each commit of the index got, -1
   * for those not written, or null (nothing written) when a parent is not among them.
   *
   * @throws IOException when the file cannot be written
   */
  static int @Nullable [] write(
      Path file, String gitDir, long generation, HistoryIndex index, int[] order)
      throws IOException {
    int[] number = new int[index.size()];
    Arrays.fill(number, -1);
    for (int i = 0; i < order.length; i++) {
      number[order[i]] = i;
    }
    IndexWriter out = new IndexWriter(MAGIC, 1024L + 40L * order.length);
    out.string(gitDir);
    out.putLong(generation);
    out.putInt(order.length);
    for (int c : order) {
      out.id(index.id(c));
    }
    for (int c : byId(index, order)) {
      out.putInt(number[c]);
    }
    int count = 0;
    for (int c : order) {
      out.putInt(count);
      count += index.parentCount(c);
    }
    out.putInt(count);
    for (int c : order) {
      for (int k = 0; k < index.parentCount(c); k++) {
        int parent = number[index.parent(c, k)];
        if (parent < 0) {
          return null;
        }
        out.putInt(parent);
      }
    }
    out.writeTo(file);
    return number;
  }

  /** The commits of {@code order} sorted by id. */
  private static int[] byId(HistoryIndex index, int[] order) {
    BitSet listed = new BitSet(index.size());
    for (int c : order) {
      listed.set(c);
    }
    return Arrays.stream(index.commits.sorted()).filter(listed::get).toArray();
  }
}

package dev.rekey.scanner.git;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.eclipse.jgit.internal.storage.file.PackIndex;
import org.jspecify.annotations.Nullable;

/**
 * A pack's reverse index (the {@code .rev} file git writes beside a pack since 2.31, by default
 * since 2.41): the pack's objects in the order they sit in the pack, as their positions in its
 * index. Where an object ends (where the next one starts) is then a binary search over the mapped
 * file, not a sort of every object's offset — which a scan reading a few objects cannot amortise. A
 * file that is not version 1 with SHA-1 ids, or whose size or pack checksum does not match the
 * pack's index, is not used; an answer that does not add up is not trusted (the caller then works
 * the end out itself).
 */
final class ReverseIndex {
  private static final int MAGIC = 0x52494458; // "RIDX"
  private static final int HEADER = 12;
  private static final int CHECKSUM = 20;

  private final ByteBuffer data;
  private final PackIndex index;
  private final int count;

  private ReverseIndex(ByteBuffer data, PackIndex index, int count) {
    this.data = data;
    this.index = index;
    this.count = count;
  }

  /** The reverse index at {@code file} for the pack {@code index} describes, or null. */
  static @Nullable ReverseIndex open(Path file, PackIndex index) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long objects = index.getObjectCount();
      if (objects > Integer.MAX_VALUE / 4
          || channel.size() != HEADER + 4 * objects + 2L * CHECKSUM) {
        return null;
      }
      ByteBuffer data = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
      int count = (int) objects;
      if (data.getInt(0) != MAGIC || data.getInt(4) != 1 || data.getInt(8) != 1) {
        return null;
      }
      ByteBuffer packChecksum = data.slice(HEADER + 4 * count, CHECKSUM);
      return packChecksum.equals(ByteBuffer.wrap(index.getChecksum()))
          ? new ReverseIndex(data, index, count)
          : null;
    } catch (IOException | RuntimeException e) {
      return null; // none, or not one git wrote for this pack
    }
  }

  /**
   * The offset of the object after the one at {@code offset}: {@code trailer} for the last, or -1
   * when this index does not hold an object at {@code offset}.
   */
  long next(long offset, long trailer) {
    int low = 0;
    int high = count - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      long at = offsetAt(middle);
      if (at < offset) {
        low = middle + 1;
      } else if (at > offset) {
        high = middle - 1;
      } else {
        long next = middle + 1 < count ? offsetAt(middle + 1) : trailer;
        return next > offset && next <= trailer ? next : -1;
      }
    }
    return -1;
  }

  /**
   * Every object's offset in pack order, or null when they are not in increasing order (an index
   * that does not add up). One pass over the index's offsets in name order, then one over this
   * file: asking the index for each position's offset searched its fan-out table every time, and
   * this runs at the start of every scan of a large history.
   */
  long @Nullable [] offsets() {
    long[] byName = new long[count];
    int n = 0;
    for (PackIndex.MutableEntry entry : index) {
      if (n == count) {
        return null;
      }
      byName[n++] = entry.getOffset();
    }
    if (n != count) {
      return null;
    }
    long previous = -1;
    long[] ordered = new long[count];
    for (int position = 0; position < count; position++) {
      int nth = data.getInt(HEADER + 4 * position);
      long at = nth < 0 || nth >= count ? -1 : byName[nth];
      if (at <= previous) {
        return null;
      }
      ordered[position] = previous = at;
    }
    return ordered;
  }

  private long offsetAt(int position) {
    int nth = data.getInt(HEADER + 4 * position);
    return nth < 0 || nth >= count ? -1 : index.getOffset(nth);
  }
}

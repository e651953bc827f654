package dev.rekey.scanner.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.Pack;
import org.eclipse.jgit.internal.storage.file.PackIndex;
import org.eclipse.jgit.lib.MutableObjectId;
import org.eclipse.jgit.lib.ObjectDatabase;

/**
 * Puts the blobs to read in the order they are stored in their packs. Read in that order, a delta's
 * base has nearly always just been read and sits in the reader's delta-base cache, and the pack is
 * read front to back; in id order, every delta chain would be rebuilt from scratch.
 */
final class PackOrder {
  private static final int INDEX_BITS = 25;
  private static final long MAX_OFFSET = 1L << (63 - INDEX_BITS);

  private PackOrder() {}

  /**
   * Sorts {@code wanted} (indexes into {@code blobs}) pack by pack, by offset; blobs in no pack
   * (loose objects) come last, in their original order.
   */
  static int[] sort(ObjectDatabase database, BlobTable blobs, int[] wanted) {
    if (!(database instanceof ObjectDirectory directory)
        || wanted.length == 0
        || blobs.size() >= 1 << INDEX_BITS) {
      return wanted; // id order: slower to read, but the same blobs
    }
    long[] offsets = new long[blobs.size()];
    int[] packOf = new int[blobs.size()];
    Arrays.fill(packOf, -1);
    List<Pack> packs = new ArrayList<>(directory.getPacks());
    for (int p = 0; p < packs.size(); p++) {
      locate(packs.get(p), p, blobs, offsets, packOf);
    }
    return order(wanted, offsets, packOf, packs.size());
  }

  private static void locate(Pack pack, int number, BlobTable blobs, long[] offsets, int[] packOf) {
    MutableObjectId id = new MutableObjectId();
    try {
      PackIndex index = pack.getIndex();
      for (PackIndex.MutableEntry entry : index) {
        entry.copyOidTo(id);
        int blob = blobs.indexOf(id);
        if (blob >= 0 && packOf[blob] < 0 && entry.getOffset() < MAX_OFFSET) {
          packOf[blob] = number;
          offsets[blob] = entry.getOffset();
        }
      }
    } catch (IOException | RuntimeException e) {
      // An unreadable index: its blobs are read in id order, and reading them reports the error.
    }
  }

  private static int[] order(int[] wanted, long[] offsets, int[] packOf, int packCount) {
    List<long[]> byPack = new ArrayList<>();
    int[] counts = new int[packCount + 1];
    for (int blob : wanted) {
      counts[packOf[blob] + 1]++;
    }
    for (int p = 0; p < packCount; p++) {
      byPack.add(new long[counts[p + 1]]);
    }
    int[] filled = new int[packCount];
    int[] result = new int[wanted.length];
    int loose = wanted.length - counts[0];
    int looseAt = loose;
    for (int blob : wanted) {
      int p = packOf[blob];
      if (p < 0) {
        result[looseAt++] = blob;
      } else {
        byPack.get(p)[filled[p]++] = key(offsets[blob], blob);
      }
    }
    int at = 0;
    for (long[] keys : byPack) {
      Arrays.sort(keys);
      for (long key : keys) {
        result[at++] = (int) (key & ((1L << INDEX_BITS) - 1));
      }
    }
    return result;
  }

  /** Offset and blob index in one sortable long. */
  private static long key(long offset, int blob) {
    return (offset << INDEX_BITS) | blob;
  }
}

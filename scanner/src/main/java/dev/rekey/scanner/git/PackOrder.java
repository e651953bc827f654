package dev.rekey.scanner.git;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jgit.internal.storage.file.PackIndex;
import org.eclipse.jgit.lib.MutableObjectId;

/**
 * Puts the blobs to read in the order they are stored in their packs. Read in that order, a delta's
 * base has nearly always just been read, and each pack is read front to back; in id order, every
 * delta chain would be rebuilt from scratch.
 *
 * @param blobs the blobs to read (indexes into the inventory's blobs), pack by pack, by offset;
 *     blobs in no pack (loose objects) last
 * @param packOf for each blob of the inventory, the number of the pack holding it, or -1
 * @param offsets for each blob of the inventory, its offset in that pack
 */
@SuppressWarnings("ArrayRecordComponent") // large, built once, never compared
record PackOrder(int[] blobs, int[] packOf, long[] offsets) {
  private static final int INDEX_BITS = 25;
  private static final long MAX_OFFSET = 1L << (63 - INDEX_BITS);

  /** Orders {@code wanted} (indexes into {@code table}) by their place in {@code packs}. */
  static PackOrder of(PackFiles packs, BlobTable table, int[] wanted) {
    int[] packOf = new int[table.size()];
    long[] offsets = new long[table.size()];
    Arrays.fill(packOf, -1);
    if (table.size() >= 1 << INDEX_BITS) {
      return new PackOrder(wanted, packOf, offsets); // id order: slower, but the same blobs
    }
    List<PackFiles.Pack> list = packs.packs();
    for (int p = 0; p < list.size(); p++) {
      locate(list.get(p).index(), p, table, offsets, packOf);
    }
    return new PackOrder(order(wanted, offsets, packOf, list.size()), packOf, offsets);
  }

  private static void locate(
      PackIndex index, int number, BlobTable table, long[] offsets, int[] packOf) {
    if (table.size() < index.getObjectCount() / 64) {
      for (int blob = 0; blob < table.size(); blob++) { // a few blobs: look each one up
        long offset = packOf[blob] < 0 ? index.findOffset(table.id(blob)) : -1;
        if (offset >= 0 && offset < MAX_OFFSET) {
          packOf[blob] = number;
          offsets[blob] = offset;
        }
      }
      return;
    }
    MutableObjectId id = new MutableObjectId();
    for (PackIndex.MutableEntry entry : index) {
      entry.copyOidTo(id);
      int blob = table.indexOf(id);
      if (blob >= 0 && packOf[blob] < 0 && entry.getOffset() < MAX_OFFSET) {
        packOf[blob] = number;
        offsets[blob] = entry.getOffset();
      }
    }
  }

  private static int[] order(int[] wanted, long[] offsets, int[] packOf, int packCount) {
    int[] counts = new int[packCount + 1];
    for (int blob : wanted) {
      counts[packOf[blob] + 1]++;
    }
    List<long[]> byPack = new ArrayList<>();
    for (int p = 0; p < packCount; p++) {
      byPack.add(new long[counts[p + 1]]);
    }
    int[] filled = new int[packCount];
    int[] result = new int[wanted.length];
    int looseAt = wanted.length - counts[0];
    for (int blob : wanted) {
      int p = packOf[blob];
      if (p < 0) {
        result[looseAt++] = blob;
      } else {
        byPack.get(p)[filled[p]++] = (offsets[blob] << INDEX_BITS) | blob;
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
}

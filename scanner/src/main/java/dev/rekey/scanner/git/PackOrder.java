package dev.rekey.scanner.git;

import dev.rekey.scanner.pipeline.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jgit.internal.storage.file.PackIndex;

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

  /** Entries of a pack's index a thread looks up at least, when it is split among threads. */
  private static final long SPLIT = 1 << 16;

  /**
   * Orders {@code wanted} (indexes into {@code table}) by their place in {@code packs}, a large
   * pack's index looked up on {@code threads} threads, each a range of its entries: the blobs of
   * rails are found among 1.2M entries, a third of a second on one core between the listing and the
   * reading, which both use two.
   */
  static PackOrder of(PackFiles packs, BlobTable table, int[] wanted, int threads) {
    int[] packOf = new int[table.size()];
    long[] offsets = new long[table.size()];
    Arrays.fill(packOf, -1);
    if (table.size() >= 1 << INDEX_BITS) {
      return new PackOrder(wanted, packOf, offsets); // id order: slower, but the same blobs
    }
    List<PackFiles.Pack> list = packs.packs();
    for (int p = 0; p < list.size(); p++) {
      locate(list.get(p).index(), p, table, offsets, packOf, threads);
    }
    return new PackOrder(order(wanted, offsets, packOf, list.size()), packOf, offsets);
  }

  private static void locate(
      PackIndex index, int number, BlobTable table, long[] offsets, int[] packOf, int threads) {
    long count = index.getObjectCount();
    if (table.size() < count / 64) {
      for (int blob = 0; blob < table.size(); blob++) { // a few blobs: look each one up
        long offset = packOf[blob] < 0 ? index.findOffset(table.id(blob)) : -1;
        if (offset >= 0 && offset < MAX_OFFSET) {
          packOf[blob] = number;
          offsets[blob] = offset;
        }
      }
      return;
    }
    int parts = (int) Math.max(1, Math.min(threads, count / SPLIT));
    if (parts == 1) {
      locate(index, 0, count, number, table, offsets, packOf);
      return;
    }
    List<long[]> ranges = new ArrayList<>();
    for (int part = 0; part < parts; part++) {
      ranges.add(new long[] {count * part / parts, count * (part + 1) / parts});
    }
    try { // an id is once in an index: the ranges set different blobs
      Parallel.forEach(
          ranges, parts, r -> locate(index, r[0], r[1], number, table, offsets, packOf));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while ordering the blobs", e);
    }
  }

  /** Looks up the entries {@code from} to {@code to} of {@code index} among the blobs. */
  @SuppressWarnings("ParameterNumber") // a range of one pack, and where its blobs' places go
  private static void locate(
      PackIndex index,
      long from,
      long to,
      int number,
      BlobTable table,
      long[] offsets,
      int[] packOf) {
    for (long position = from; position < to; position++) {
      int blob = table.indexOf(index.getObjectId(position));
      if (blob >= 0 && packOf[blob] < 0) {
        long offset = index.getOffset(position);
        if (offset < MAX_OFFSET) {
          packOf[blob] = number;
          offsets[blob] = offset;
        }
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

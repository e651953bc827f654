package dev.rekey.scanner.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Cuts the blobs of a {@link PackOrder} into work units of whole delta families, so that no object
 * is built by two units. A family is every object whose delta chain ends at the same whole object
 * (its root): a blob, everything it is built on, and every other blob built on any of those. Each
 * object's header is read once, in pack order, to learn its base; a chain reaching an object seen
 * before has its family at once. Cut into consecutive runs of the pack order instead, chains
 * crossed the cuts: on rails, a quarter of the objects built were built again.
 *
 * <p>Small families that follow each other in the pack share a unit; a family larger than a unit's
 * share is a unit of its own. Units come largest first, so the threads taking them in turn end
 * together. An object whose header cannot be read (damaged, or built on an object of another pack)
 * is taken for a root: it and what is built on it fail to build from the pack, and are read through
 * JGit as before. Blobs in no pack (loose objects) make units of their own, read through JGit.
 */
final class DeltaFamilies {
  private DeltaFamilies() {}

  /**
   * The blobs of one unit, in pack order, and the bases of the objects built to read them (one
   * entry per object built on another: its base's offset).
   *
   * @param pack the number of the pack holding the blobs, or -1 for loose blobs
   * @param blobs the blobs (indexes into the inventory's blobs), in pack order
   * @param bases for each object of the unit built on another, that base's offset
   * @param weight the number of objects the unit builds (or, for loose blobs, reads)
   */
  @SuppressWarnings("ArrayRecordComponent") // built once, never compared
  record Unit(int pack, int[] blobs, long[] bases, int weight) {

    /** For each object of the unit, how many of its objects are built on it. */
    OffsetCounts pending() {
      OffsetCounts pending = new OffsetCounts(bases.length);
      for (long base : bases) {
        pending.add(base, 1);
      }
      return pending;
    }
  }

  /**
   * The units of {@code order}, largest first, about {@code count} of them (more when large
   * families stand alone).
   */
  static List<Unit> of(PackFiles packs, PackOrder order, int count) {
    int[] blobs = order.blobs();
    List<Walked> walked = new ArrayList<>();
    int from = 0;
    long objects = 0;
    while (from < blobs.length && order.packOf()[blobs[from]] >= 0) {
      int pack = order.packOf()[blobs[from]];
      int to = from;
      while (to < blobs.length && order.packOf()[blobs[to]] == pack) {
        to++;
      }
      Walked one = walk(packs.packs().get(pack), pack, order, from, to);
      walked.add(one);
      objects += one.objects;
      from = to;
    }
    long target = Math.max(1, (objects + blobs.length - from) / Math.max(1, count));
    List<Unit> units = new ArrayList<>();
    for (Walked one : walked) {
      one.cut(order, target, units);
    }
    for (int at = from; at < blobs.length; at += (int) Math.min(target, blobs.length - at)) {
      int end = (int) Math.min(blobs.length, at + target);
      units.add(new Unit(-1, Arrays.copyOfRange(blobs, at, end), new long[0], end - at));
    }
    units.sort(Comparator.comparingInt(Unit::weight).reversed());
    return units;
  }

  /** Walks the chains of the blobs {@code [from, to)} of the order, all in {@code pack}. */
  private static Walked walk(PackFiles.Pack file, int pack, PackOrder order, int from, int to) {
    Walked walked = new Walked(pack, from, to);
    int[] path = new int[64];
    try (PackStream stream = new PackStream(file, 0, BuiltCache.recent(0), null)) {
      for (int i = from; i < to; i++) {
        long at = order.offsets()[order.blobs()[i]];
        int length = 0;
        int family = -1;
        while (true) {
          int known = walked.index.get(at);
          if (known >= 0) {
            family = walked.family[known]; // -1 when on this path: a cycle, refused when read
            break;
          }
          long base = baseOf(stream, at);
          if (length == path.length) {
            path = Arrays.copyOf(path, length * 2);
          }
          path[length++] = walked.add(at, base);
          if (base < 0 || length > PackStream.MAX_CHAIN) { // deeper: refused when read
            break;
          }
          at = base;
        }
        if (family < 0) {
          family = walked.families++;
        }
        for (int k = 0; k < length; k++) {
          walked.family[path[k]] = family;
        }
        walked.blobFamily[i - from] = family;
      }
    }
    return walked;
  }

  /** The base of the object at {@code offset}; -1 for a whole object, or one read through JGit. */
  private static long baseOf(PackStream stream, long offset) {
    try {
      return stream.baseOf(offset);
    } catch (IOException | RuntimeException e) {
      return -1; // taken for a root: building it fails, and JGit says what is wrong
    }
  }

  /** The objects of one pack's blobs: each one's offset, base and family. */
  private static final class Walked {
    final int pack;
    final int from;
    final int[] blobFamily;
    final OffsetCounts index;
    long[] bases;
    int[] family;
    int objects;
    int families;

    Walked(int pack, int from, int to) {
      this.pack = pack;
      this.from = from;
      this.blobFamily = new int[to - from];
      this.index = new OffsetCounts(to - from);
      this.bases = new long[Math.max(16, to - from)];
      this.family = new int[bases.length];
    }

    /** Holds the object at {@code offset}, built on {@code base}; its number. */
    int add(long offset, long base) {
      if (objects == bases.length) {
        bases = Arrays.copyOf(bases, objects * 2);
        family = Arrays.copyOf(family, objects * 2);
      }
      index.add(offset, objects);
      bases[objects] = base;
      family[objects] = -1;
      return objects++;
    }

    /**
     * Adds this pack's units to {@code units}: families in the order their first blob comes, run
     * together until a unit builds {@code target} objects; a family that large stands alone.
     */
    void cut(PackOrder order, long target, List<Unit> units) {
      int[] size = new int[families];
      for (int o = 0; o < objects; o++) {
        size[family[o]]++;
      }
      int[] unitOf = new int[families];
      int count = 0;
      long open = 0;
      for (int f = 0; f < families; f++) {
        if (size[f] >= target) {
          unitOf[f] = count++;
        } else {
          if (open == 0) {
            count++;
          }
          unitOf[f] = count - 1;
          open += size[f];
          if (open >= target) {
            open = 0;
          }
        }
      }
      int[] blobCount = new int[count];
      int[] baseCount = new int[count];
      int[] weight = new int[count];
      for (int family : blobFamily) {
        blobCount[unitOf[family]]++;
      }
      for (int o = 0; o < objects; o++) {
        int unit = unitOf[family[o]];
        weight[unit]++;
        if (bases[o] >= 0) {
          baseCount[unit]++;
        }
      }
      int[][] blobs = new int[count][];
      long[][] unitBases = new long[count][];
      for (int u = 0; u < count; u++) {
        blobs[u] = new int[blobCount[u]];
        unitBases[u] = new long[baseCount[u]];
        blobCount[u] = 0;
        baseCount[u] = 0;
      }
      for (int i = 0; i < blobFamily.length; i++) {
        int unit = unitOf[blobFamily[i]];
        blobs[unit][blobCount[unit]++] = order.blobs()[from + i];
      }
      for (int o = 0; o < objects; o++) {
        if (bases[o] >= 0) {
          int unit = unitOf[family[o]];
          unitBases[unit][baseCount[unit]++] = bases[o];
        }
      }
      for (int u = 0; u < count; u++) {
        units.add(new Unit(pack, blobs[u], unitBases[u], weight[u]));
      }
    }
  }
}

package dev.rekey.scanner.git;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.PackIndex;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectDatabase;
import org.eclipse.jgit.lib.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * The packs of a repository opened for {@link PackStream}: each with its index, its objects'
 * offsets in order (where each object ends is where the next begins) and a channel for positional
 * reads, which threads may share.
 */
final class PackFiles implements AutoCloseable {
  private final List<Pack> packs = new ArrayList<>();

  /** One pack. */
  @SuppressWarnings("ArrayRecordComponent") // the offsets: large, built once, never compared
  record Pack(String name, PackIndex index, Offsets offsets, long length, FileChannel channel) {

    /**
     * Where the objects of this pack end, for one thread reading them in pack order (see {@link
     * Ends}).
     */
    Ends ends() {
      return new Ends(offsets, trailer());
    }

    /** Where the pack's objects end: its checksum follows. */
    long trailer() {
      return length - Constants.OBJECT_ID_LENGTH;
    }

    /** The offset of {@code id} in this pack, or -1. */
    long offsetOf(AnyObjectId id) {
      PackIds hashed = offsets.hashed;
      return hashed != null ? hashed.offsetOf(id) : index.findOffset(id);
    }

    /** The offset of the object whose raw id is at {@code raw[at]}, or -1. */
    long offsetOf(byte[] raw, int at) {
      PackIds hashed = offsets.hashed;
      return hashed != null
          ? hashed.offsetOf(raw, at)
          : index.findOffset(ObjectId.fromRaw(raw, at));
    }
  }

  /** Opens the packs of {@code database}; a pack that cannot be opened is left out. */
  static PackFiles open(ObjectDatabase database) {
    PackFiles files = new PackFiles();
    if (database instanceof ObjectDirectory directory) {
      for (org.eclipse.jgit.internal.storage.file.Pack pack : directory.getPacks()) {
        try {
          files.packs.add(open(pack));
        } catch (IOException | RuntimeException e) {
          // Its objects are read through JGit, which reports what is wrong.
        }
      }
    }
    return files;
  }

  private static Pack open(org.eclipse.jgit.internal.storage.file.Pack pack) throws IOException {
    PackIndex index = pack.getIndex();
    FileChannel channel = FileChannel.open(pack.getPackFile().toPath(), StandardOpenOption.READ);
    String name = pack.getPackFile().getName();
    Path rev = pack.getPackFile().toPath().resolveSibling(name.replaceAll("\\.pack$", "") + ".rev");
    return new Pack(
        name, index, new Offsets(index, ReverseIndex.open(rev, index)), channel.size(), channel);
  }

  /**
   * Where a pack's objects end: from the pack's reverse index when git wrote one and a few are
   * asked for, else from its objects' offsets in pack order — taken from the reverse index when
   * there is one, else sorted — once many are: a repeat scan that reads a few objects never lists
   * them all (without a reverse index, their ends are bounded by their sizes instead).
   */
  static final class Offsets {
    /** Objects asked for before listing every offset is worth it. */
    private static final int FEW = 256;

    private final PackIndex index;
    private final @Nullable ReverseIndex reverse;
    private volatile long @Nullable [] sorted;
    private volatile @Nullable PackIds hashed;
    private int asked;

    Offsets(PackIndex index, @Nullable ReverseIndex reverse) {
      this.index = index;
      this.reverse = reverse;
    }

    private long @Nullable [] sorted() {
      long[] known = sorted;
      return known != null ? known : list();
    }

    /**
     * Objects asked for before every offset is listed: with a reverse index each answer is a binary
     * search of it, and listing every offset costs a look-up in the pack's index per object (rails:
     * 1.2M, a third of a second of a repeat scan that reads a few thousand trees), so the listing
     * waits until a good part of the pack is read.
     */
    private long few() {
      return reverse == null ? FEW : Math.max(FEW, index.getObjectCount() >>> 6);
    }

    private synchronized long @Nullable [] list() {
      long[] known = sorted;
      if (known == null && ++asked > few()) {
        known = reverse != null ? reverse.offsets() : null;
        if (known == null) {
          known = new long[Math.toIntExact(index.getObjectCount())];
          int i = 0;
          for (PackIndex.MutableEntry entry : index) {
            known[i++] = entry.getOffset();
          }
          Arrays.sort(known);
        }
        sorted = known;
      }
      return known;
    }
  }

  /**
   * Where each object of a pack ends (the next object's offset, or the trailer), for one thread: it
   * remembers where in the pack the last object asked for lies, and objects asked for in pack order
   * are found a step or two further on, not by a search of them all.
   */
  static final class Ends {
    private final Offsets offsets;
    private final long trailer;
    private int last;

    Ends(Offsets offsets, long trailer) {
      this.offsets = offsets;
      this.trailer = trailer;
    }

    /**
     * Where the object at {@code offset} ends, or -1 when that is not known without listing every
     * object's offset and only a few have been asked for (the caller then bounds it by the object's
     * size).
     */
    long of(long offset) {
      long[] sorted = offsets.sorted();
      if (sorted == null) {
        ReverseIndex reverse = offsets.reverse;
        return reverse == null ? -1 : reverse.next(offset, trailer);
      }
      int at = near(sorted, offset, last);
      if (at >= 0) {
        last = at;
      }
      int after = at >= 0 ? at + 1 : -at - 1;
      return after < sorted.length ? sorted[after] : trailer;
    }

    /**
     * Where {@code key} is in {@code sorted} (as {@link Arrays#binarySearch(long[], long)} says),
     * searched outwards from {@code hint} in steps that double, then by halves.
     */
    static int near(long[] sorted, long key, int hint) {
      int low = 0;
      int high = sorted.length;
      if (hint >= 0 && hint < sorted.length) {
        if (sorted[hint] == key) {
          return hint;
        }
        int step = 1;
        if (sorted[hint] < key) {
          low = hint + 1;
          while (low + step < high && sorted[low + step - 1] < key) {
            low += step;
            step <<= 1;
          }
          high = Math.min(high, low + step);
        } else {
          high = hint;
          while (high - step > low && sorted[high - step] > key) {
            high -= step;
            step <<= 1;
          }
          low = Math.max(low, high - step);
        }
      }
      return Arrays.binarySearch(sorted, low, high, key);
    }
  }

  List<Pack> packs() {
    return packs;
  }

  /**
   * Hashes the ids of the packs large enough for it ({@link PackIds}), largest first, within {@link
   * PackIds#MAX_OBJECTS} between them, for a listing of a whole history: until a pack's are hashed,
   * and in the packs left out, objects are looked up in the pack's index.
   */
  void hashIds() {
    List<Pack> largestFirst = new ArrayList<>(packs);
    largestFirst.sort(
        Comparator.comparingLong((Pack pack) -> pack.index().getObjectCount()).reversed());
    long budget = PackIds.MAX_OBJECTS;
    for (Pack pack : largestFirst) {
      try {
        PackIds hashed = PackIds.of(pack.index(), budget);
        if (hashed != null) {
          pack.offsets().hashed = hashed;
          budget -= pack.index().getObjectCount();
        }
      } catch (RuntimeException e) {
        // Its objects are looked up in its index, which says what is wrong if it cannot.
      }
    }
  }

  @Override
  public void close() {
    for (Pack pack : packs) {
      try {
        pack.channel().close();
      } catch (IOException e) {
        // Opened only for reading: nothing is lost.
      }
    }
  }
}

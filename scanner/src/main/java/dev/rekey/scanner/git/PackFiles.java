package dev.rekey.scanner.git;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
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
     * Where the object at {@code offset} ends (the next object's offset, or the trailer), or -1
     * when that is not known without sorting every object's offset and only a few have been asked
     * for (the caller then bounds it by the object's size).
     */
    long endOf(long offset) {
      return offsets.endOf(offset, trailer());
    }

    /** Where the pack's objects end: its checksum follows. */
    long trailer() {
      return length - Constants.OBJECT_ID_LENGTH;
    }

    /** The offset of {@code id} in this pack, or -1. */
    long offsetOf(AnyObjectId id) {
      return index.findOffset(id);
    }

    /** The offset of the object whose raw id is at {@code raw[at]}, or -1. */
    long offsetOf(byte[] raw, int at) {
      return index.findOffset(ObjectId.fromRaw(raw, at));
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
   * Where a pack's objects end: from the pack's reverse index when git wrote one, else from its
   * objects' offsets sorted when many are asked for — a repeat scan that reads a few objects never
   * sorts them (their ends are bounded by their sizes instead).
   */
  static final class Offsets {
    /** Objects asked for before sorting every offset is worth it. */
    private static final int FEW = 256;

    private final PackIndex index;
    private final @Nullable ReverseIndex reverse;
    private long @Nullable [] sorted;
    private int asked;

    Offsets(PackIndex index, @Nullable ReverseIndex reverse) {
      this.index = index;
      this.reverse = reverse;
    }

    long endOf(long offset, long trailer) {
      long next = reverse == null ? -1 : reverse.next(offset, trailer);
      if (next >= 0) {
        return next;
      }
      long[] offsets = sorted();
      if (offsets == null) {
        return -1;
      }
      int at = Arrays.binarySearch(offsets, offset);
      int after = at >= 0 ? at + 1 : -at - 1;
      return after < offsets.length ? offsets[after] : trailer;
    }

    private synchronized long @Nullable [] sorted() {
      long[] known = sorted;
      if (known == null && ++asked > FEW) {
        known = new long[Math.toIntExact(index.getObjectCount())];
        int i = 0;
        for (PackIndex.MutableEntry entry : index) {
          known[i++] = entry.getOffset();
        }
        Arrays.sort(known);
        sorted = known;
      }
      return known;
    }
  }

  List<Pack> packs() {
    return packs;
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

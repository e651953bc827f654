package dev.rekey.scanner.git;

import java.io.IOException;
import java.nio.channels.FileChannel;
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

    /** Where the object at {@code offset} ends: the next object's offset, or the trailer. */
    long endOf(long offset) {
      long[] offsets = this.offsets.sorted();
      int at = Arrays.binarySearch(offsets, offset);
      int next = at >= 0 ? at + 1 : -at - 1;
      return next < offsets.length ? offsets[next] : length - Constants.OBJECT_ID_LENGTH;
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
    return new Pack(
        pack.getPackFile().getName(), index, new Offsets(index), channel.size(), channel);
  }

  /**
   * A pack's objects' offsets in order, sorted when first needed: a repeat scan that reads a few
   * objects through JGit never needs them.
   */
  static final class Offsets {
    private final PackIndex index;
    private long @Nullable [] sorted;

    Offsets(PackIndex index) {
      this.index = index;
    }

    synchronized long[] sorted() {
      long[] known = sorted;
      if (known == null) {
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

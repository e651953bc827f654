package dev.rekey.scanner.git;

import java.io.IOException;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.jspecify.annotations.Nullable;

/**
 * One thread's reader of objects, through a {@link RepositoryHandle}: an object a pack lists but
 * that cannot be read is retried once in a freshly opened repository, then reported as damaged (not
 * as missing, which is what JGit would say).
 */
final class ObjectSource implements AutoCloseable {
  /** Bytes of trees and commits kept for the deltas that follow them. */
  static final long CACHE_BYTES = 32L << 20;

  private static final long MAX_OBJECT = 64L << 20;

  private final RepositoryHandle handle;
  private final long cacheBytes;
  private final PackFiles packs;
  private final @Nullable PackStream[] streams;
  private Repository repository;
  private ObjectReader reader;

  ObjectSource(RepositoryHandle handle) {
    this(handle, CACHE_BYTES);
  }

  /**
   * @param cacheBytes bytes of built objects kept for the deltas that follow them
   */
  ObjectSource(RepositoryHandle handle, long cacheBytes) {
    this.cacheBytes = cacheBytes;
    this.handle = handle;
    this.packs = handle.packs();
    this.streams = new PackStream[packs.packs().size()];
    this.repository = handle.current();
    this.reader = repository.newObjectReader();
  }

  /**
   * Opens an object of the given type ({@code Constants.OBJ_ANY} for any).
   *
   * @throws MissingObjectException when the object is not in the repository
   * @throws CorruptObjectException when it is, but cannot be read
   * @throws IOException when reading fails otherwise
   */
  @SuppressWarnings("ReferenceEquality") // which repository instance, not its content
  ObjectLoader open(AnyObjectId id, int type) throws IOException {
    follow(handle.current());
    try {
      return reader.open(id, type);
    } catch (MissingObjectException e) {
      String pack = handle.packHolding(id);
      if (pack == null) {
        throw e;
      }
      Repository failed = repository;
      follow(handle.reopen(failed));
      if (repository != failed) {
        try {
          return reader.open(id, type);
        } catch (MissingObjectException again) {
          // Damaged: it also fails in a fresh repository.
        }
      }
      throw new CorruptObjectException(
          "listed in " + pack + " but cannot be read from it: the pack is damaged there");
    }
  }

  /**
   * The content of an object of the given type: straight from its pack when it is in one (each
   * delta chain built once, see {@link PackStream}), else through JGit.
   */
  byte[] read(AnyObjectId id, int type) throws IOException {
    byte[] packed = fromPacks(id, type);
    return packed != null ? packed : open(id, type).getCachedBytes();
  }

  private byte @Nullable [] fromPacks(AnyObjectId id, int type) {
    for (int p = 0; p < streams.length; p++) {
      PackFiles.Pack pack = packs.packs().get(p);
      long offset = pack.offsetOf(id);
      if (offset >= 0) {
        PackStream stream = streams[p];
        if (stream == null) {
          stream = new PackStream(pack, MAX_OBJECT, BuiltCache.recent(cacheBytes), null);
          streams[p] = stream;
        }
        try {
          return stream.read(offset, type);
        } catch (IOException | RuntimeException e) {
          return null; // JGit reads it, and says what is wrong if it cannot
        }
      }
    }
    return null;
  }

  @SuppressWarnings("ReferenceEquality") // which repository instance, not its content
  private void follow(Repository latest) {
    if (latest != repository) {
      reader.close();
      repository = latest;
      reader = latest.newObjectReader();
    }
  }

  @Override
  public void close() {
    reader.close();
    for (PackStream stream : streams) {
      if (stream != null) {
        stream.close();
      }
    }
  }
}

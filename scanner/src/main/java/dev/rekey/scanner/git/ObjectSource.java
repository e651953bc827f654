package dev.rekey.scanner.git;

import java.io.IOException;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;

/**
 * One thread's reader of objects, through a {@link RepositoryHandle}: an object a pack lists but
 * that cannot be read is retried once in a freshly opened repository, then reported as damaged (not
 * as missing, which is what JGit would say).
 */
final class ObjectSource implements AutoCloseable {
  private final RepositoryHandle handle;
  private Repository repository;
  private ObjectReader reader;

  ObjectSource(RepositoryHandle handle) {
    this.handle = handle;
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

  /** The content of an object of the given type. */
  byte[] read(AnyObjectId id, int type) throws IOException {
    return open(id, type).getCachedBytes();
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
  }
}

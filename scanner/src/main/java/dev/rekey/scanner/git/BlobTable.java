package dev.rekey.scanner.git;

import java.util.Arrays;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Each unique blob of a history once, with the commit and path it was first seen at: about 40 bytes
 * a blob. Paths are stored once each, however many blobs were seen at them.
 */
final class BlobTable {
  /** The commit of a blob that no commit reaches ({@code --all-objects}). */
  static final int NO_COMMIT = -1;

  /** The commit of a blob that is already known (before a {@code --range}): never scanned. */
  static final int KNOWN = -2;

  private final IdTable ids = new IdTable();
  private int[] commits = new int[1024];
  private int[] paths = new int[1024];
  private final PathTable pathNames = new PathTable();

  int size() {
    return ids.size();
  }

  /** Whether the blob is in the table. */
  boolean contains(AnyObjectId id) {
    return ids.contains(id);
  }

  /** The index of the blob, or -1. */
  int indexOf(AnyObjectId id) {
    return ids.indexOf(id);
  }

  /**
   * Adds a blob first seen at {@code path} in the commit with index {@code commit}; returns its
   * index, or -1 when it was already there.
   */
  int add(AnyObjectId id, int commit, String path) {
    int index = ids.add(id);
    if (index < 0) {
      return -1;
    }
    if (index == commits.length) {
      commits = Arrays.copyOf(commits, index * 2);
      paths = Arrays.copyOf(paths, index * 2);
    }
    commits[index] = commit;
    paths[index] = pathNames.intern(path);
    return index;
  }

  /**
   * Adds a blob only if it is new, computing its path only then: the path of a known blob is never
   * built.
   */
  int addIfNew(AnyObjectId id, int commit, PathSupplier path) {
    return ids.contains(id) ? -1 : add(id, commit, path.get());
  }

  ObjectId id(int index) {
    return ids.get(index);
  }

  int commit(int index) {
    return commits[index];
  }

  String path(int index) {
    return pathNames.get(paths[index]);
  }

  /** Builds a path on demand. */
  @FunctionalInterface
  interface PathSupplier {
    String get();
  }
}

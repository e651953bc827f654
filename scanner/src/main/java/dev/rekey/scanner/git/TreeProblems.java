package dev.rekey.scanner.git;

import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.pipeline.BlobSink;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.jspecify.annotations.Nullable;

/** Reports trees that cannot be read, each once, with the path and commit it was met at. */
final class TreeProblems {
  private final BlobSink sink;
  private final IdTable reported = new IdTable();

  TreeProblems(BlobSink sink) {
    this.sink = sink;
  }

  /**
   * Reports tree {@code id}, met at {@code prefix} (its path with a trailing '/', or "" for a root
   * tree) in {@code owner} (null outside any commit), unless it was reported already.
   */
  void unreadable(AnyObjectId id, String prefix, @Nullable AnyObjectId owner, Exception e) {
    unreadable(id, prefix, owner, why(e));
  }

  /** Why a tree could not be read, as reported. */
  static String why(Exception e) {
    return e instanceof MissingObjectException
        ? "missing from the object database"
        : String.valueOf(e.getMessage());
  }

  void unreadable(AnyObjectId id, String prefix, @Nullable AnyObjectId owner, String why) {
    if (reported.add(id) < 0) {
      return;
    }
    String where = prefix.isEmpty() ? "tree " + id.name() : prefix;
    String in = owner == null ? "" : " (in commit " + owner.name() + ")";
    sink.problem(
        Problem.error(
            where,
            "tree "
                + id.name()
                + in
                + " cannot be read: "
                + why
                + "; the files under it were not scanned (run 'git fsck')"));
  }
}

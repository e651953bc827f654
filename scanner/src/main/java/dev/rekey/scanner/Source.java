package dev.rekey.scanner;

/**
 * Something to scan: a file tree, a git history, the staged changes, a built bundle. A source
 * pushes each blob once (and every further place it was seen) to a {@link BlobSink}; it reports a
 * problem with one file or object to the sink and goes on.
 */
public interface Source {

  /** A short description for progress and logs, e.g. {@code working tree of /repo}. */
  String describe();

  /**
   * Pushes every blob to {@code sink}.
   *
   * @throws SourceException when the source as a whole cannot be read (missing path, not a
   *     repository); problems with single files go to the sink instead
   */
  void scan(BlobSink sink) throws SourceException;
}

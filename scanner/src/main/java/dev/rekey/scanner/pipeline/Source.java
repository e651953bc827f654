package dev.rekey.scanner.pipeline;

import dev.rekey.scanner.model.BlobId;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.model.ScanResult;
import java.util.List;
import java.util.Set;

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

  /**
   * Called once after every source has scanned, with the blobs that held a match. A source that
   * reported only the first place of each blob during {@link #scan} (a git history, where a blob
   * sits in thousands of commits) reports the other places of these blobs here, with {@link
   * HistorySink#alsoAt} and {@link HistorySink#spread}. Sources that reported every place already
   * do nothing.
   *
   * @throws SourceException when the source can no longer be read
   */
  default void locate(Set<BlobId> matched, HistorySink sink) throws SourceException {}

  /**
   * Called once after {@link #locate}, while the scan's result is built: waits for the work the
   * source left running (a history keeps what the next scan starts from on a thread of its own) and
   * returns the problems it met. Most sources leave nothing running.
   */
  default List<Problem> settle() {
    return List.of();
  }

  /**
   * {@code result} narrowed to what this source stands for, once every source has scanned: a source
   * that pushes more than it covers (the staged changes push whole blobs, and cover only the lines
   * a commit adds) drops the other locations here. Others return it as it is.
   */
  default ScanResult narrow(ScanResult result) {
    return result;
  }
}

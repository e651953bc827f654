package dev.rekey.scanner.git;

import java.util.BitSet;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.jspecify.annotations.Nullable;

/**
 * A commit of the scanned history, with what the scan needs once its body has been dropped: its
 * place in the scan order, its author (an index into {@link People}) and author time.
 */
final class HistoryCommit extends RevCommit {
  /** Position in the scan order, parents first; -1 until the commit is ordered. */
  int index = -1;

  /** The author, as an index into the scan's {@link People}; -1 when unknown. */
  int person = -1;

  /** Author time, seconds since the epoch. */
  long authorTime;

  /** Whether the walk reached this commit and read it. */
  boolean visited;

  /** The matched blobs this commit or an ancestor carries (see {@link Locator}). */
  @SuppressWarnings("JdkObsolete")
  @Nullable BitSet carried;

  HistoryCommit(AnyObjectId id) {
    super(id);
  }
}

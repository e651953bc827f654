package dev.rekey.scanner.git;

import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/** A {@link RevWalk} whose commits are {@link HistoryCommit}s. */
final class HistoryWalk extends RevWalk {
  HistoryWalk(ObjectReader reader) {
    super(reader);
  }

  @Override
  protected RevCommit createCommit(AnyObjectId id) {
    return new HistoryCommit(id);
  }

  /** Ignores the commit-graph position: every commit is read from the object database. */
  @Override
  protected RevCommit createCommit(AnyObjectId id, int graphPosition) {
    return new HistoryCommit(id);
  }
}

package dev.rekey.scanner.git;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * What {@link TreeDiff} found for a run of commits, held until it is recorded into the {@link
 * HistoryIndex}: the commits are compared on worker threads, and recorded (with the trees they
 * could not read reported) on the listing thread in scan order, so the index and the problems are
 * the same whichever thread compared which commit.
 */
final class DiffBuffer {
  private static final int WORDS = 5;

  private final IntColumn commits = new IntColumn(64);
  private final IntColumn flags = new IntColumn(64);
  private final IntColumn changeFrom = new IntColumn(64);
  private final IntColumn problemFrom = new IntColumn(64);
  private final List<String> paths = new ArrayList<>();
  private final IntColumn pathHashes = new IntColumn(256);
  private final IntColumn objects = new IntColumn(256 * WORDS);
  private final IntColumn kinds = new IntColumn(256);
  private final List<Unreadable> problems = new ArrayList<>();

  /** A tree that could not be read, as {@link TreeProblems#unreadable} reports it. */
  private record Unreadable(ObjectId tree, String prefix, @Nullable ObjectId owner, String why) {}

  /** Starts the changes of {@code commit} (an index into the {@link HistoryIndex}). */
  void begin(int commit) {
    commits.add(commit);
    flags.add(0);
    changeFrom.add(kinds.size());
    problemFrom.add(problems.size());
  }

  /** A change of the commit begun last: {@code object} is null for a deletion. */
  void change(String path, @Nullable AnyObjectId object, int kind) {
    paths.add(path);
    // The path's hash is worked out here, on a comparing thread, not on the recording one.
    pathHashes.add(path.hashCode());
    int at = objects.size();
    objects.grow(at + WORDS);
    if (object != null) {
      object.copyRawTo(objects.array(), at);
    }
    kinds.add(kind);
  }

  /** A tree met while comparing the commit begun last that could not be read. */
  void unreadable(AnyObjectId tree, String prefix, @Nullable AnyObjectId owner, String why) {
    problems.add(new Unreadable(tree.copy(), prefix, owner == null ? null : owner.copy(), why));
  }

  /** Ends the commit begun last with the {@link HistoryIndex} commit flags to add to it. */
  void end(int commitFlags) {
    flags.set(flags.size() - 1, commitFlags);
  }

  /** Records every commit of this buffer into {@code index}, reporting its trees' problems. */
  void recordInto(HistoryIndex index, TreeProblems reported) {
    for (int c = 0; c < commits.size(); c++) {
      int commit = commits.get(c);
      int changesTo = c + 1 < commits.size() ? changeFrom.get(c + 1) : kinds.size();
      int problemsTo = c + 1 < commits.size() ? problemFrom.get(c + 1) : problems.size();
      index.beginChanges(commit);
      for (int k = changeFrom.get(c); k < changesTo; k++) {
        int kind = kinds.get(k);
        boolean deleted = (kind & HistoryIndex.KIND) >= HistoryIndex.DELETED;
        index.change(
            commit,
            index.paths.intern(paths.get(k), pathHashes.get(k)),
            deleted ? null : objects.array(),
            k * WORDS,
            kind);
      }
      index.mark(commit, flags.get(c));
      for (int p = problemFrom.get(c); p < problemsTo; p++) {
        Unreadable problem = problems.get(p);
        reported.unreadable(problem.tree(), problem.prefix(), problem.owner(), problem.why());
      }
    }
  }
}

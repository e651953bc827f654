package dev.rekey.scanner.git;

import dev.rekey.scanner.pipeline.SourceException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevFlag;
import org.eclipse.jgit.revwalk.RevSort;

/**
 * Lists only what a range of commits {@code A..B} introduced: the commits reachable from B and not
 * from A, and of their blobs only those the boundary (the commits of A those commits build on) does
 * not already hold. This is what a pull request or a push adds; a pre-push hook runs it as {@code
 * --range <remote>..<local>}.
 */
final class RangeLister {
  private RangeLister() {}

  /**
   * Lists the range into the inventory. As in a pre-push hook's input, an all-zero id stands for
   * "nothing": {@code 0000…..B} (a new branch) lists what B has that no remote-tracking branch has,
   * and {@code A..0000…} (a deletion) lists nothing.
   */
  static void list(
      Repository repository, HistoryWalk walk, String range, HistoryLister lister, Inventory inv)
      throws SourceException {
    int dots = range.indexOf("..");
    String from = orHead(range.substring(0, dots));
    String to = orHead(range.substring(dots + 2));
    if (isZero(to)) {
      return;
    }
    ObjectId end = resolve(repository, to, range);
    List<ObjectId> known =
        isZero(from) ? remoteTips(repository, range) : List.of(resolve(repository, from, range));
    List<HistoryCommit> commits = new ArrayList<>();
    Set<RevCommit> boundary = new LinkedHashSet<>();
    try {
      walk(walk, end, known, commits, boundary);
    } catch (IOException e) {
      throw new SourceException("--range " + range + ": cannot walk the commits: " + e, e);
    }
    boundary.forEach(lister::markKnown);
    lister.listOrdered(commits);
    if (!commits.isEmpty()) {
      inv.tips.add(new Inventory.NamedCommit(to, commits.getLast()));
    }
  }

  /** The commits from {@code end} not reachable from {@code known}, parents first. */
  private static void walk(
      HistoryWalk walk,
      ObjectId end,
      List<ObjectId> known,
      List<HistoryCommit> commits,
      Set<RevCommit> boundary)
      throws IOException {
    walk.markStart(walk.parseCommit(end));
    for (ObjectId id : known) {
      walk.markUninteresting(walk.parseCommit(id));
    }
    walk.sort(RevSort.TOPO);
    walk.sort(RevSort.REVERSE, true);
    for (RevCommit commit : walk) {
      commits.add((HistoryCommit) commit);
      for (RevCommit parent : commit.getParents()) {
        if (parent.has(RevFlag.UNINTERESTING)) {
          boundary.add(parent);
        }
      }
    }
  }

  private static String orHead(String revision) {
    return revision.isEmpty() ? Constants.HEAD : revision;
  }

  private static boolean isZero(String revision) {
    return revision.length() >= 40 && revision.chars().allMatch(c -> c == '0');
  }

  /** The tips of every remote-tracking branch: what the remote is known to have. */
  private static List<ObjectId> remoteTips(Repository repository, String range)
      throws SourceException {
    try {
      List<ObjectId> tips = new ArrayList<>();
      for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_REMOTES)) {
        ObjectId id = ref.getPeeledObjectId() != null ? ref.getPeeledObjectId() : ref.getObjectId();
        if (id != null && !ref.isSymbolic()) {
          tips.add(id);
        }
      }
      return tips;
    } catch (IOException e) {
      throw new SourceException("--range " + range + ": cannot list remote-tracking branches", e);
    }
  }

  private static ObjectId resolve(Repository repository, String revision, String range)
      throws SourceException {
    try {
      ObjectId id = repository.resolve(revision + "^{commit}");
      if (id == null) {
        throw new SourceException(
            "--range " + range + ": '" + revision + "' is not a commit in this repository");
      }
      return id;
    } catch (IOException | RuntimeException e) {
      throw new SourceException(
          "--range " + range + ": cannot resolve '" + revision + "': " + e.getMessage(), e);
    }
  }
}

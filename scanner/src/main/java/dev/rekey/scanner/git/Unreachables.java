package dev.rekey.scanner.git;

import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.pipeline.HistorySink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevObject;

/**
 * Objects no ref reaches ({@code --all-objects}): commits left by a force-push, a rebase or a
 * deleted branch are listed with their history, so their blobs are reported with their commit;
 * blobs no commit holds (added to the index, never committed) are reported by id.
 */
final class Unreachables {
  private Unreachables() {}

  static void list(
      Repository repository,
      HistoryWalk walk,
      ObjectSource objects,
      Inventory inventory,
      HistoryLister lister,
      HistorySink sink) {
    List<ObjectId> blobs = new ArrayList<>();
    for (ObjectId id : candidates(repository, walk, inventory, sink)) {
      switch (typeOf(objects, id, sink)) {
        case Constants.OBJ_COMMIT, Constants.OBJ_TAG -> {
          HistoryCommit commit = lister.resolve(id, id.name());
          if (commit != null) {
            lister.listFrom(commit);
          }
        }
        case Constants.OBJ_BLOB -> blobs.add(id);
        default -> {
          // Trees: their blobs are listed as objects of their own.
        }
      }
    }
    for (ObjectId blob : blobs) {
      if (!inventory.blobs.contains(blob)) {
        lister.addUnreachable(blob);
      }
    }
  }

  /** The objects in the database that the listing did not meet. */
  private static List<ObjectId> candidates(
      Repository repository, HistoryWalk walk, Inventory inventory, HistorySink sink) {
    List<ObjectId> candidates = new ArrayList<>();
    ObjectListing.forEach(
        repository,
        sink,
        id -> {
          if (!inventory.trees.contains(id) && !inventory.blobs.contains(id) && !listed(walk, id)) {
            candidates.add(id.toObjectId());
          }
        });
    return candidates;
  }

  /** Whether the walk already listed this commit or read this tag. */
  private static boolean listed(HistoryWalk walk, AnyObjectId id) {
    RevObject known = walk.lookupOrNull(id);
    if (known instanceof HistoryCommit commit) {
      return commit.index >= 0 || commit.visited;
    }
    return known != null && known.getType() == Constants.OBJ_TAG;
  }

  private static int typeOf(ObjectSource objects, ObjectId id, HistorySink sink) {
    try {
      return objects.open(id, ObjectReader.OBJ_ANY).getType();
    } catch (IOException e) {
      sink.problem(
          Problem.error(id.name(), "unreachable object cannot be read: " + e.getMessage()));
      return Constants.OBJ_BAD;
    }
  }
}

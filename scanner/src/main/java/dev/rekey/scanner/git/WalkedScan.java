package dev.rekey.scanner.git;

import dev.rekey.scanner.model.BlobId;
import dev.rekey.scanner.pipeline.HistorySink;
import dev.rekey.scanner.pipeline.ScanSettings;
import dev.rekey.scanner.pipeline.SourceException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.jspecify.annotations.Nullable;

/**
 * A history listed by walking every commit's tree, entering no tree already seen: for a range of
 * commits (only what its boundary does not hold) and for {@code --all-objects} (objects no ref
 * reaches too). Locating walks the trees again, for the matched blobs only.
 */
final class WalkedScan implements ListedScan {
  private final RepositoryHandle handle;
  private final HistoryScope scope;
  private final Inventory inventory;
  private final boolean[] accepted;
  private final @Nullable ScanRecord record;

  private WalkedScan(
      RepositoryHandle handle,
      HistoryScope scope,
      Inventory inventory,
      boolean[] accepted,
      @Nullable ScanRecord record) {
    this.handle = handle;
    this.scope = scope;
    this.inventory = inventory;
    this.accepted = accepted;
    this.record = record;
  }

  @SuppressWarnings("ParameterNumber") // what a scan needs, passed on from HistorySource
  static WalkedScan scan(
      RepositoryHandle handle,
      ScanSettings settings,
      HistoryScope scope,
      Set<ObjectId> shallow,
      @Nullable ScanRecord record,
      HistorySink sink)
      throws SourceException {
    Repository repo = handle.current();
    Inventory inventory = new Inventory();
    try (ObjectSource objects = new ObjectSource(handle);
        HistoryWalk walk = new HistoryWalk(repo.newObjectReader())) {
      HistoryLister lister = new HistoryLister(walk, objects, shallow, sink, inventory);
      String range = scope.range();
      if (range != null) {
        RangeLister.list(repo, walk, range, lister, inventory);
      } else {
        lister.list(RefTips.read(repo, sink));
        if (scope.allObjects()) {
          Unreachables.list(repo, walk, objects, inventory, lister, sink);
        }
      }
    }
    sink.listed(inventory.commits.size(), inventory.tips.size());
    boolean[] accepted =
        ListedScan.read(handle, inventory, wanted(inventory, record), settings, sink);
    return new WalkedScan(handle, scope, inventory, accepted, record);
  }

  /** The blobs to read: listed in scope, not already recorded as clean. */
  private static int[] wanted(Inventory inventory, @Nullable ScanRecord record) {
    BlobTable blobs = inventory.blobs;
    int[] wanted = new int[blobs.size()];
    int count = 0;
    for (int i = 0; i < blobs.size(); i++) {
      if (blobs.commit(i) != BlobTable.KNOWN && (record == null || !record.contains(blobs.id(i)))) {
        wanted[count++] = i;
      }
    }
    return Arrays.copyOf(wanted, count);
  }

  @Override
  public void locate(Set<BlobId> matched, HistorySink sink) {
    try (ObjectSource objects = new ObjectSource(handle)) {
      Repository repo = handle.current();
      RefTips.DefaultBranch branch = scope.range() == null ? RefTips.defaultBranch(repo) : null;
      ObjectId tipTree = branch == null ? null : treeOf(objects, branch.tip());
      new Locator(objects, inventory, matched, sink).locate(branch, tipTree);
    }
    ListedScan.record(record, inventory.blobs, accepted, ListedScan.ids(matched), sink::problem);
  }

  private static @Nullable ObjectId treeOf(ObjectSource objects, ObjectId commit) {
    try {
      return RevCommit.parse(objects.read(commit, Constants.OBJ_COMMIT)).getTree().copy();
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}

package dev.rekey.scanner.git;

import dev.rekey.scanner.model.BlobId;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.pipeline.BlobSink;
import dev.rekey.scanner.pipeline.HistorySink;
import dev.rekey.scanner.pipeline.ScanSettings;
import dev.rekey.scanner.pipeline.Source;
import dev.rekey.scanner.pipeline.SourceException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.jspecify.annotations.Nullable;

/**
 * The full history of a git repository: every blob reachable from any ref (branches local and
 * remote-tracking, tags, notes, the stash and its older entries, a detached HEAD, other worktrees'
 * HEADs), each read once, plus every commit and tag message. Optionally also objects no ref
 * reaches, or only what a range of commits introduced.
 *
 * <p>The scan runs in three steps. Listing walks the commits and their trees once, entering no tree
 * already seen, and records each unique blob with the first commit and path it appeared at. Reading
 * reads those blobs in pack order on every core and pushes them with that first place. Locating,
 * after the scan and only for the blobs that held a match, finds every other commit and path that
 * introduced them, the refs that carry them and whether the default branch still does.
 */
public final class HistorySource implements Source, AutoCloseable {
  private final Path root;
  private final ScanSettings settings;
  private final HistoryScope scope;
  private @Nullable RepositoryHandle repository;
  private @Nullable Scanned scanned;

  /** What the scan step leaves for the locate step: the listing, and which blobs were pushed. */
  @SuppressWarnings("ArrayRecordComponent") // one flag per blob; never compared or copied
  private record Scanned(Inventory inventory, boolean[] accepted, @Nullable ScanRecord record) {}

  /**
   * @param root a working tree, a bare repository or a {@code .git} folder
   */
  public HistorySource(Path root, ScanSettings settings, HistoryScope scope) {
    this.root = root.toAbsolutePath().normalize();
    this.settings = settings;
    this.scope = scope;
  }

  @Override
  public String describe() {
    return "history of " + root;
  }

  @Override
  public void scan(BlobSink plain) throws SourceException {
    HistorySink sink = HistorySink.of(plain);
    RepositoryHandle handle = new RepositoryHandle(root);
    repository = handle;
    Repository repo = handle.current();
    ReadTuning.install(settings);
    Set<ObjectId> shallow = shallowCommits(repo, sink);
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
    ScanRecord record = loadRecord(repo);
    int[] wanted = wanted(inventory, record);
    sink.expect(wanted.length);
    boolean[] accepted = new boolean[inventory.blobs.size()];
    PackFiles packs = handle.packs();
    PackOrder order = PackOrder.of(packs, inventory.blobs, wanted);
    new HistoryBlobReader(handle, inventory, settings).read(packs, order, sink, accepted);
    scanned = new Scanned(inventory, accepted, record);
  }

  @Override
  public void locate(Set<BlobId> matched, HistorySink sink) throws SourceException {
    RepositoryHandle handle = repository;
    Scanned done = scanned;
    if (handle == null || done == null) {
      return;
    }
    try (ObjectSource objects = new ObjectSource(handle)) {
      Repository repo = handle.current();
      RefTips.DefaultBranch branch = scope.range() == null ? RefTips.defaultBranch(repo) : null;
      ObjectId tipTree = branch == null ? null : treeOf(objects, branch.tip());
      new Locator(objects, done.inventory(), matched, sink)
          .locate(done.inventory().tips, branch == null ? null : branch.name(), tipTree);
    }
    saveRecord(done, matched, sink);
    scanned = null;
  }

  private static @Nullable ObjectId treeOf(ObjectSource objects, ObjectId commit) {
    try {
      return RevCommit.parse(objects.read(commit, Constants.OBJ_COMMIT)).getTree().copy();
    } catch (IOException | RuntimeException e) {
      return null;
    }
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

  private @Nullable ScanRecord loadRecord(Repository repo) {
    String key = scope.recordKey();
    return key == null ? null : ScanRecord.load(repo.getCommonDirectory().toPath(), key);
  }

  /** Records the blobs scanned clean: read, and no match. */
  private static void saveRecord(Scanned done, Set<BlobId> matched, HistorySink sink) {
    ScanRecord record = done.record();
    if (record == null) {
      return;
    }
    BlobTable blobs = done.inventory().blobs;
    boolean[] accepted = done.accepted();
    for (int i = 0; i < accepted.length; i++) {
      if (accepted[i]) {
        ObjectId id = blobs.id(i);
        if (!matched.contains(new BlobId(id.name()))) {
          record.add(id);
        }
      }
    }
    try {
      record.save();
    } catch (IOException e) {
      sink.problem(
          Problem.skipped(
              record.file().toString(),
              "cannot record the blobs scanned ("
                  + e.getMessage()
                  + "): the next scan will read every blob again"));
    }
  }

  /** The commits of a shallow clone whose parents were not fetched, with a note if any. */
  private Set<ObjectId> shallowCommits(Repository repo, HistorySink sink) {
    if (!(repo.getObjectDatabase() instanceof ObjectDirectory directory)) {
      return Set.of();
    }
    try {
      Set<ObjectId> commits = directory.getShallowCommits();
      int shallow = commits.size();
      if (shallow > 0) {
        sink.problem(
            Problem.skipped(
                root.toString(),
                "shallow clone: "
                    + shallow
                    + (shallow == 1 ? " commit has" : " commits have")
                    + " parents missing from this repository, and the history behind them was"
                    + " not scanned; run 'git fetch --unshallow' to scan all of it"));
      }
      return commits;
    } catch (IOException e) {
      sink.problem(Problem.error(root + "/shallow", "cannot read: " + e.getMessage()));
      return Set.of();
    }
  }

  @Override
  public void close() {
    RepositoryHandle handle = repository;
    if (handle != null) {
      handle.close();
      repository = null;
    }
    scanned = null;
  }
}

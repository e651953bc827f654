package dev.rekey.scanner.git;

import dev.rekey.scanner.files.RepositoryCache;
import dev.rekey.scanner.model.BlobId;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.pipeline.BlobMatch;
import dev.rekey.scanner.pipeline.BlobSink;
import dev.rekey.scanner.pipeline.HistorySink;
import dev.rekey.scanner.pipeline.ScanSettings;
import dev.rekey.scanner.pipeline.Source;
import dev.rekey.scanner.pipeline.SourceException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.jspecify.annotations.Nullable;

/**
 * The full history of a git repository: every blob reachable from any ref (branches local and
 * remote-tracking, tags, notes, the stash and its older entries, a detached HEAD, other worktrees'
 * HEADs), each read once, plus every commit and tag message. Optionally also objects no ref
 * reaches, or only what a range of commits introduced.
 *
 * <p>The scan runs in three steps. Listing finds each unique blob with the first commit and path it
 * appeared at: for the whole history by comparing each commit's tree with its parents' ({@link
 * IndexedScan}, whose index of commit facts is kept between scans), for a range or every object by
 * walking each tree not seen before ({@link WalkedScan}). Reading reads those blobs in pack order
 * on every core and pushes them with that first place. Locating, after the scan and only for the
 * blobs that held a match, finds every other commit and path that introduced them, the refs that
 * carry them and whether the default branch still does.
 */
public final class HistorySource implements Source, AutoCloseable {
  private final Path root;
  private final ScanSettings settings;
  private final HistoryScope scope;
  private @Nullable RepositoryHandle repository;
  private @Nullable ListedScan scanned;
  private @Nullable Kept kept;
  private @Nullable FutureTask<List<Problem>> keeping; // after locate, until settled or closed

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
    ScanRecord record = loadRecord(repo, sink);
    if (scope.range() == null && !scope.allObjects()) {
      String key = scope.recordKey();
      CacheFolder cache = key == null ? null : scope.cache();
      Kept before = keptMatches(repo, cache, key, sink);
      kept = before;
      ListedScan repeat =
          RepeatScan.scan(handle, settings, shallow, record, cache, key, before.matches(), sink);
      scanned =
          repeat != null
              ? repeat
              : IndexedScan.scan(handle, settings, shallow, record, cache, key, sink);
    } else {
      scanned = WalkedScan.scan(handle, settings, scope, shallow, record, sink);
    }
  }

  @Override
  public void locate(Set<BlobId> matched, HistorySink sink) throws SourceException {
    ListedScan done = scanned;
    if (repository == null || done == null) {
      return;
    }
    done.locate(matched, sink);
    scanned = null;
    Kept before = kept;
    FutureTask<List<Problem>> task =
        new FutureTask<>(
            () -> {
              List<Problem> problems = new ArrayList<>();
              done.keep(problems::add);
              if (before != null) {
                keepMatches(before, matched, sink, problems::add);
              }
              return problems;
            });
    keeping = task;
    Thread.ofPlatform().daemon().name("rekey-keep").start(task);
  }

  /**
   * Waits for what the next scan starts from to be kept (the summary of the history and the matches
   * found), which is written on a thread of its own while the scan's result is built.
   */
  @Override
  public List<Problem> settle() {
    FutureTask<List<Problem>> task = keeping;
    keeping = null;
    if (task == null) {
      return List.of();
    }
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return task.get();
        } catch (InterruptedException e) {
          interrupted = true; // the repository stays open until the writing is done
        }
      }
    } catch (ExecutionException e) {
      return List.of(
          Problem.skipped(
              root.toString(),
              "cannot keep what the next scan starts from ("
                  + e.getCause()
                  + "): it will list the history again"));
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The matches kept for this repository and where they go; none without a cache. */
  private record Kept(@Nullable Path file, String key, String gitDir, KeptMatches matches) {}

  private Kept keptMatches(
      Repository repo, @Nullable CacheFolder cache, @Nullable String key, HistorySink sink) {
    String gitDir = IndexedScan.gitDir(repo);
    if (cache == null || key == null) {
      return new Kept(null, "", gitDir, KeptMatches.NONE);
    }
    try {
      Path file =
          cache.repository(repo.getCommonDirectory().toPath()).resolve(KeptMatches.FILE_NAME);
      return new Kept(file, key, gitDir, KeptMatches.read(file, key, gitDir, sink::rule));
    } catch (IOException e) {
      return new Kept(null, key, gitDir, KeptMatches.NONE);
    }
  }

  /** Keeps the matches of the blobs that held some, for the next repeat scan. */
  private static void keepMatches(
      Kept before, Set<BlobId> matched, HistorySink sink, Consumer<Problem> problems) {
    Path file = before.file();
    if (file == null) {
      return;
    }
    Map<ObjectId, BlobMatch.Scanned> now = new HashMap<>();
    for (BlobId id : matched) {
      BlobMatch.Scanned scanned = sink.matches(id);
      if (scanned != null && id.hex().length() == Constants.OBJECT_ID_STRING_LENGTH) {
        now.put(ObjectId.fromString(id.hex()), scanned);
      }
    }
    if (before.matches().same(now)) {
      return;
    }
    try {
      KeptMatches.write(file, before.key(), before.gitDir(), now);
    } catch (IOException e) {
      problems.accept(
          Problem.skipped(
              file.toString(),
              "cannot keep the matches found ("
                  + e.getMessage()
                  + "): the next scan will read the blobs that held them again"));
    }
  }

  /**
   * The record of blobs scanned clean, kept in the user's cache folder for this repository (never
   * in the repository, which could forge it); null when the scope keeps none.
   */
  private @Nullable ScanRecord loadRecord(Repository repo, BlobSink sink) {
    String key = scope.recordKey();
    CacheFolder cache = scope.cache();
    if (key == null || cache == null) {
      return null;
    }
    Path gitDir = repo.getCommonDirectory().toPath();
    try {
      return ScanRecord.load(RepositoryCache.of(cache.root(), gitDir), key);
    } catch (IOException e) {
      sink.problem(
          Problem.skipped(
              gitDir.toString(),
              "cannot locate the record of blobs scanned ("
                  + e.getMessage()
                  + "): every blob is read"));
      return null;
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
    settle(); // its problems were not asked for: the scan failed
    RepositoryHandle handle = repository;
    if (handle != null) {
      handle.close();
      repository = null;
    }
    scanned = null;
    kept = null;
  }
}

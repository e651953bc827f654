package dev.rekey.scanner.git;

import dev.rekey.scanner.model.BlobId;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.pipeline.HistorySink;
import dev.rekey.scanner.pipeline.Parallel;
import dev.rekey.scanner.pipeline.ScanSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.jspecify.annotations.Nullable;

/**
 * The whole history of every ref, listed into a {@link HistoryIndex} of commit facts: each commit's
 * tree compared with its parents' ({@link TreeDiff}), so listing costs what each commit changed.
 * With a cache folder, the index is kept between scans and a repeat scan reads and compares only
 * the commits it has not seen; locating the matched blobs reads no tree at all.
 */
final class IndexedScan implements ListedScan {
  private static final String FILE = "history-index";

  private final RepositoryHandle handle;
  private final HistoryIndex index;
  private final IndexLister.Listing listing;
  private final IndexPlaces places;
  private final boolean[] accepted;
  private final @Nullable ScanRecord record;
  private final Kept kept;
  private @Nullable Located located; // by locate, for keep

  /**
   * What the summary for a repeat scan is made from, besides the index and listing; and the
   * problems of keeping the index, which is written while the blobs are read.
   */
  private record Kept(
      @Nullable ListingSummary summary,
      List<RefTips.Tip> tips,
      RecordingSink listed,
      boolean sure,
      FutureTask<List<Problem>> saving) {}

  /**
   * What the locate step began of the summary, and where it found the matches, for {@link #keep}.
   */
  private record Located(
      ListingSummary summary,
      ListingSummary.Started begun,
      ListingSummary.Scan scan,
      RecordingSink matches) {}

  @SuppressWarnings("ParameterNumber") // the state the locate step needs
  private IndexedScan(
      RepositoryHandle handle,
      HistoryIndex index,
      IndexLister.Listing listing,
      IndexPlaces places,
      boolean[] accepted,
      @Nullable ScanRecord record,
      Kept kept) {
    this.handle = handle;
    this.index = index;
    this.listing = listing;
    this.places = places;
    this.accepted = accepted;
    this.record = record;
    this.kept = kept;
  }

  static IndexedScan scan(
      RepositoryHandle handle,
      ScanSettings settings,
      Set<ObjectId> shallow,
      @Nullable ScanRecord record,
      @Nullable CacheFolder cache,
      @Nullable String key,
      HistorySink sink) {
    Repository repo = handle.current();
    Path file = file(repo, cache, sink);
    HistoryIndexFile.Loaded loaded =
        file == null ? null : HistoryIndexFile.read(file, gitDir(repo));
    HistoryIndex index = loaded == null ? new HistoryIndex() : loaded.index();
    IndexLister.Listing listing;
    IndexPlaces places;
    FutureTask<List<Problem>> saving;
    RecordingSink listed = new RecordingSink(sink);
    // The packs' indexes are loaded while the refs are read (rails: 52k refs, a 1.2M-object pack),
    // then, for a listing of every commit (no index kept from before), their ids hashed.
    boolean everyCommit = loaded == null;
    Thread.ofPlatform()
        .daemon()
        .name("rekey-packs")
        .start(
            () -> {
              PackFiles packs = handle.packs();
              if (everyCommit) {
                packs.hashIds();
              }
            });
    List<RefTips.Tip> tips = RefTips.read(repo, listed);
    try (ObjectSource objects = new ObjectSource(handle);
        DiffWorkers workers =
            new DiffWorkers(handle, settings.threads(), index, new TreeProblems(listed))) {
      listing = new IndexLister(index, objects, workers, shallow, listed, record).list(tips);
      saving = saving(file, handle, index, listing, loaded == null ? -1 : loaded.commits());
      places = whileSaving(saving, () -> IndexPlaces.of(index, listing, record, objects, listed));
    }
    sink.listed(listing.order().length, listing.tips().size());
    int[] wanted = IntStream.range(0, places.blobs().size()).toArray();
    boolean[] accepted =
        whileSaving(saving, () -> ListedScan.read(handle, places, wanted, settings, sink));
    Path folder = file == null ? null : file.getParent();
    ListingSummary summary =
        folder == null || key == null ? null : new ListingSummary(folder, key, gitDir(repo));
    boolean sure = shallow.isEmpty() && record != null && !listed.failed();
    return new IndexedScan(
        handle,
        index,
        listing,
        places,
        accepted,
        record,
        new Kept(summary, tips, listed, sure, saving));
  }

  /**
   * Locates the matched blobs while, on another thread, the record of clean blobs and the parts of
   * the summary that do not depend on where the matches are, are written (the index was written
   * while the blobs were read): they only read what the listing built, and the tail of a scan of
   * rails ran on one core.
   */
  @Override
  public void locate(Set<BlobId> matched, HistorySink sink) {
    Set<ObjectId> matchedIds = ListedScan.ids(matched);
    RecordingSink located = new RecordingSink(sink);
    List<Problem> noted = new ArrayList<>(); // the writing's, reported after the locating's
    ListingSummary summary = kept.summary();
    ListingSummary.Scan scan =
        new ListingSummary.Scan(
            index,
            listing,
            places,
            accepted,
            matched,
            matchedIds,
            kept.tips(),
            kept.listed().problems());
    AtomicReference<ListingSummary.@Nullable Started> started = new AtomicReference<>();
    Runnable locating =
        () -> {
          RefTips.DefaultBranch branch = RefTips.defaultBranch(handle.current());
          int tip = branch == null ? -1 : index.commits.indexOf(branch.tip());
          new IndexLocator(index, places, matched, located)
              .locate(listing, branch == null ? null : branch.name(), tip);
        };
    Runnable writing =
        () -> {
          if (record != null) {
            for (int commit : listing.order()) {
              ObjectId message = index.message(commit);
              if (!message.equals(ObjectId.zeroId()) && !matchedIds.contains(message)) {
                record.add(message);
              }
            }
          }
          ListedScan.record(record, places.blobs(), accepted, matchedIds, noted::add);
          noted.addAll(saved(kept.saving()));
          if (summary != null) {
            try {
              started.set(summary.start(scan, handle, kept.sure()));
            } catch (IOException | RuntimeException e) {
              noted.add(notKept(summary, e));
            }
          }
        };
    try {
      Parallel.forEach(List.of(locating, writing), 2, Runnable::run);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while locating the matches", e);
    }
    noted.forEach(sink::problem);
    ListingSummary.Started begun = started.get();
    if (summary != null && begun != null) {
      this.located = new Located(summary, begun, scan, located);
    }
  }

  /** Finishes the summary begun while locating (a quarter of a second on rails). */
  @Override
  public void keep(Consumer<Problem> problems) {
    Located done = located;
    located = null;
    if (done != null) {
      try {
        done.summary().finish(done.begun(), done.scan(), done.matches(), handle);
      } catch (IOException | RuntimeException e) {
        problems.accept(notKept(done.summary(), e));
      }
    }
  }

  private static Problem notKept(ListingSummary summary, Exception e) {
    return Problem.skipped(
        summary.folder().toString(),
        "cannot keep the history's summary ("
            + e.getMessage()
            + "): the next scan will list the history again");
  }

  /**
   * Starts keeping the index for the next scan, on a thread of its own: it needs only the listing,
   * and written after the blobs were read it took a core for 0.4 s of rails' locate step.
   */
  private static FutureTask<List<Problem>> saving(
      @Nullable Path file,
      RepositoryHandle handle,
      HistoryIndex index,
      IndexLister.Listing listing,
      int loaded) {
    FutureTask<List<Problem>> task =
        new FutureTask<>(
            () -> {
              List<Problem> problems = new ArrayList<>();
              save(file, handle, index, listing, loaded, problems::add);
              return problems;
            });
    if (file == null) {
      task.run();
    } else {
      Thread.ofPlatform().daemon().name("rekey-index").start(task);
    }
    return task;
  }

  /**
   * Runs {@code work}; should it fail, first waits for the index being kept, so that a scan that
   * ends on an error leaves no half-written file in the cache folder.
   */
  private static <T> T whileSaving(FutureTask<List<Problem>> saving, Supplier<T> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      try {
        saving.get();
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException failed) {
        e.addSuppressed(failed.getCause());
      }
      throw e;
    }
  }

  /** The problems of keeping the index, once it is kept. */
  private static List<Problem> saved(FutureTask<List<Problem>> saving) {
    try {
      return saving.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while keeping the history's listing", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("keeping the history's listing failed", e.getCause());
    }
  }

  /** Keeps the index for the next scan, unless it would hold what the file already holds. */
  private static void save(
      @Nullable Path target,
      RepositoryHandle handle,
      HistoryIndex index,
      IndexLister.Listing listing,
      int loaded,
      Consumer<Problem> problems) {
    if (target == null) {
      return;
    }
    int keep = HistoryIndexFile.keepable(index, listing.order());
    if (keep == loaded && listing.diffed() == 0) {
      return; // the same commits as the file holds: nothing learned, nothing left behind
    }
    try {
      HistoryIndexFile.write(target, gitDir(handle.current()), index, listing.order());
    } catch (IOException | RuntimeException e) {
      problems.accept(
          Problem.skipped(
              target.toString(),
              "cannot keep the history's listing ("
                  + e.getMessage()
                  + "): the next scan will list every commit again"));
    }
  }

  private static @Nullable Path file(
      Repository repo, @Nullable CacheFolder cache, HistorySink sink) {
    if (cache == null) {
      return null;
    }
    try {
      return cache.repository(repo.getCommonDirectory().toPath()).resolve(FILE);
    } catch (IOException | RuntimeException e) {
      sink.problem(
          Problem.skipped(
              cache.root().toString(),
              "cannot use the cache folder ("
                  + e.getMessage()
                  + "): the whole history is listed and nothing is kept"));
      return null;
    }
  }

  static String gitDir(Repository repo) {
    try {
      return repo.getCommonDirectory().toPath().toRealPath().toString();
    } catch (IOException e) {
      return repo.getCommonDirectory().getAbsolutePath();
    }
  }
}

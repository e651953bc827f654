package dev.rekey.scanner.git;

import dev.rekey.detectors.KeywordHits;
import dev.rekey.scanner.model.Blob;
import dev.rekey.scanner.model.BlobId;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.model.Provenance;
import dev.rekey.scanner.pipeline.HistorySink;
import dev.rekey.scanner.pipeline.Parallel;
import dev.rekey.scanner.pipeline.ScanSettings;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.jspecify.annotations.Nullable;

/**
 * Reads the blobs of a listing ({@link BlobPlaces}) on every core and pushes each to the sink with
 * the place it was first seen and, when known, where the keywords occur in it (worked out from its
 * delta, see {@link Delta}). The blobs are cut into units of whole delta families ({@link
 * DeltaFamilies}), which the threads take largest first; a thread reads a unit in pack order with
 * its own {@link PackStream}s, planned so every object is built once, and has its own JGit reader
 * for what a pack stream leaves alone (loose objects, oversized or damaged ones). A blob that
 * cannot be read is reported with its id and path.
 */
final class HistoryBlobReader {
  /**
   * Units per thread: enough for the threads to end together, the largest going first. With 16, one
   * thread of a cold scan of rails sat idle for about 0.3 s at the end; with 48, cold scans of git,
   * rails and angular-cli took 0.1-0.8 s less (a unit's cost is its objects, not what matching them
   * takes, so smaller last units even out more).
   */
  static final int UNITS_PER_THREAD = 48;

  /**
   * Blobs per unit at least: a small scan (a repeat after a few commits) runs on one thread, as
   * starting another costs more than it saves.
   */
  static final int MIN_UNIT = 512;

  /** Bytes of built objects each thread keeps for the deltas still to come. */
  static final long CACHE_BYTES = 128L << 20;

  private final RepositoryHandle repository;
  private final BlobPlaces places;
  private final ScanSettings settings;

  HistoryBlobReader(RepositoryHandle repository, BlobPlaces places, ScanSettings settings) {
    this.repository = repository;
    this.places = places;
    this.settings = settings;
  }

  /**
   * Reads the blobs of {@code order} and pushes each one the sink still needs, marking it in {@code
   * accepted}. The threads take the units of whole delta families in turn; each plans a unit (which
   * objects are built on which, see {@link PackStream#plan}) and reads it.
   */
  void read(PackFiles packs, PackOrder order, HistorySink sink, boolean[] accepted) {
    int count = Math.min(UNITS_PER_THREAD * settings.threads(), order.blobs().length / MIN_UNIT);
    List<DeltaFamilies.Unit> units = DeltaFamilies.of(packs, order, Math.max(1, count));
    int threads = Math.max(1, Math.min(settings.threads(), units.size()));
    AtomicInteger next = new AtomicInteger();
    List<Integer> workers = IntStream.range(0, threads).boxed().toList();
    try {
      Parallel.forEach(
          workers, threads, t -> work(new Worker(packs, order, sink), units, next, accepted));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sink.problem(
          Problem.error(repository.current().getDirectory().toString(), "scan interrupted"));
    }
  }

  private void work(
      Worker worker, List<DeltaFamilies.Unit> units, AtomicInteger next, boolean[] accepted) {
    try (worker) {
      for (int u = next.getAndIncrement(); u < units.size(); u = next.getAndIncrement()) {
        DeltaFamilies.Unit unit = units.get(u);
        if (unit.pack() >= 0) {
          worker.stream(unit.pack()).plan(unit.pending());
        }
        for (int blob : unit.blobs()) {
          accepted[blob] = readOne(worker, blob);
        }
      }
    }
  }

  /** One thread's readers: its own pack streams (with their caches) and JGit reader. */
  private final class Worker implements AutoCloseable {
    final PackFiles packs;
    final PackOrder order;
    final HistorySink sink;
    final ObjectSource objects = new ObjectSource(repository);
    final PackStream[] streams;

    Worker(PackFiles packs, PackOrder order, HistorySink sink) {
      this.packs = packs;
      this.order = order;
      this.sink = sink;
      this.streams = new PackStream[packs.packs().size()];
    }

    private PackStream stream(int pack) {
      PackStream stream = streams[pack];
      if (stream == null) {
        stream =
            new PackStream(
                packs.packs().get(pack),
                settings.maxBlobBytes(),
                BuiltCache.planned(CACHE_BYTES),
                sink.keywordScanner());
        streams[pack] = stream;
      }
      return stream;
    }

    /** The blob from its pack, or null to read it through JGit instead. */
    PackStream.@Nullable Built fromPack(int blob) {
      int pack = order.packOf()[blob];
      if (pack < 0) {
        return null;
      }
      try {
        return stream(pack).blob(order.offsets()[blob]);
      } catch (IOException | RuntimeException e) {
        return null; // JGit reads it again, and says what is wrong if it cannot
      }
    }

    @Override
    public void close() {
      objects.close();
      for (PackStream stream : streams) {
        if (stream != null) {
          stream.close();
        }
      }
    }
  }

  /** Reads one blob and pushes it; whether it was pushed. */
  private boolean readOne(Worker worker, int blob) {
    HistorySink sink = worker.sink;
    ObjectId id = places.blobs().id(blob);
    BlobId blobId = new BlobId(id.name());
    if (!sink.needs(blobId)) {
      return false; // scanned by an earlier source; located with the others if it matched
    }
    try {
      PackStream.Built built = worker.fromPack(blob);
      byte[] bytes = built == null ? null : built.content();
      if (bytes == null) {
        ObjectLoader loader = worker.objects.open(id, Constants.OBJ_BLOB);
        long size = loader.getSize();
        if (loader.isLarge() || size > settings.maxBlobBytes()) {
          sink.problem(Problem.skipped(where(blob), tooLarge(size)));
          return false;
        }
        bytes = loader.getCachedBytes();
      }
      Provenance provenance = places.provenance(blob);
      boolean pointer = LfsPointer.note(bytes, where(blob), sink);
      KeywordHits hits = built == null ? null : built.hits();
      if (hits != null) {
        sink.accept(new Blob(blobId, bytes), provenance, hits);
      } else {
        sink.accept(new Blob(blobId, bytes), provenance);
      }
      return !pointer; // a pointer is not recorded as scanned, so its note is given every time
    } catch (MissingObjectException e) {
      sink.problem(Problem.error(where(blob), unreadable(id, "missing from the object database")));
    } catch (LargeObjectException e) {
      sink.problem(Problem.skipped(where(blob), "too large to hold in memory"));
    } catch (IOException | RuntimeException e) {
      sink.problem(Problem.error(where(blob), unreadable(id, String.valueOf(e.getMessage()))));
    }
    return false;
  }

  private String where(int blob) {
    return places.where(blob);
  }

  private static String tooLarge(long size) {
    return "larger than the size limit (" + size + " bytes); raise --max-file-size to scan it";
  }

  private static String unreadable(ObjectId id, String why) {
    return "blob " + id.name() + " cannot be read: " + why + " (run 'git fsck' to find the damage)";
  }
}

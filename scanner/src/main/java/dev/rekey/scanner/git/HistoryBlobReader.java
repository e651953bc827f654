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
import java.util.Arrays;
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
 * Reads the blobs of a listing ({@link BlobPlaces}) in pack order on every core and pushes each to
 * the sink with the place it was first seen and, when known, where the keywords occur in it (worked
 * out from its delta, see {@link Delta}). Each thread has its own {@link PackStream}s, planned
 * segment by segment so every delta chain is built once, and its own JGit reader for what a pack
 * stream leaves alone (loose objects, oversized or damaged ones). A blob that cannot be read is
 * reported with its id and path.
 */
final class HistoryBlobReader {
  /** Segments per thread: enough to share the work evenly, few enough to keep bases together. */
  static final int SEGMENTS_PER_THREAD = 4;

  static final int MIN_SEGMENT = 512;

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
   * accepted}. The order is cut into a few consecutive segments per thread; a thread plans a
   * segment (which objects are built on which, see {@link PackStream#plan}) and reads it.
   */
  void read(PackFiles packs, PackOrder order, HistorySink sink, boolean[] accepted) {
    int[] blobs = order.blobs();
    int size =
        Math.max(
            MIN_SEGMENT,
            (blobs.length + SEGMENTS_PER_THREAD * settings.threads() - 1)
                / (SEGMENTS_PER_THREAD * settings.threads()));
    int segments = (blobs.length + size - 1) / size;
    int threads = Math.max(1, Math.min(settings.threads(), segments));
    AtomicInteger next = new AtomicInteger();
    List<Integer> workers = IntStream.range(0, threads).boxed().toList();
    try {
      Parallel.forEach(
          workers, threads, t -> work(new Worker(packs, order, sink), next, size, accepted));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sink.problem(
          Problem.error(repository.current().getDirectory().toString(), "scan interrupted"));
    }
  }

  private void work(Worker worker, AtomicInteger next, int size, boolean[] accepted) {
    int[] blobs = worker.order.blobs();
    try (worker) {
      for (int from = next.getAndIncrement() * size;
          from < blobs.length;
          from = next.getAndIncrement() * size) {
        int to = Math.min(blobs.length, from + size);
        worker.plan(from, to);
        for (int i = from; i < to; i++) {
          accepted[blobs[i]] = readOne(worker, blobs[i]);
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

    /** Plans the segment {@code [from, to)} of the order, pack by pack. */
    void plan(int from, int to) {
      for (int p = 0; p < streams.length; p++) {
        long[] offsets = new long[to - from];
        int count = 0;
        for (int i = from; i < to; i++) {
          int blob = order.blobs()[i];
          if (order.packOf()[blob] == p) {
            offsets[count++] = order.offsets()[blob];
          }
        }
        if (count > 0) {
          try {
            stream(p).plan(Arrays.copyOf(offsets, count));
          } catch (IOException | RuntimeException e) {
            // Unplanned, objects are still read; a damaged one is read through JGit.
          }
        }
      }
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

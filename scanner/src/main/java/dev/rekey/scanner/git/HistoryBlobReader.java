package dev.rekey.scanner.git;

import dev.rekey.scanner.Blob;
import dev.rekey.scanner.BlobId;
import dev.rekey.scanner.BlobSink;
import dev.rekey.scanner.Problem;
import dev.rekey.scanner.Provenance;
import dev.rekey.scanner.ScanSettings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;

/**
 * Reads the blobs of an {@link Inventory} in pack order on every core, one JGit reader (with its
 * own delta-base cache) per thread, and pushes each to the sink with the place it was first seen.
 * Threads take consecutive runs of the pack order, so each reader still sees bases before their
 * deltas. A blob that cannot be read is reported with its id and path.
 */
final class HistoryBlobReader {
  /** Blobs a thread takes at a time: long enough runs keep delta bases in its cache. */
  static final int RUN = 512;

  private final RepositoryHandle repository;
  private final Inventory inventory;
  private final ScanSettings settings;

  HistoryBlobReader(RepositoryHandle repository, Inventory inventory, ScanSettings settings) {
    this.repository = repository;
    this.inventory = inventory;
    this.settings = settings;
  }

  /**
   * Reads {@code order} (indexes into the inventory's blobs) and pushes each blob the sink still
   * needs, marking it in {@code accepted}.
   */
  void read(int[] order, BlobSink sink, boolean[] accepted) {
    int threads = Math.max(1, Math.min(settings.threads(), (order.length + RUN - 1) / RUN));
    AtomicInteger next = new AtomicInteger();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> work(order, next, sink, accepted)));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sink.problem(
          Problem.error(repository.current().getDirectory().toString(), "scan interrupted"));
    } catch (ExecutionException e) {
      throw new IllegalStateException("reading blobs failed: " + e.getCause(), e.getCause());
    }
  }

  private void work(int[] order, AtomicInteger next, BlobSink sink, boolean[] accepted) {
    try (ObjectSource reader = new ObjectSource(repository)) {
      for (int from = next.getAndAdd(RUN); from < order.length; from = next.getAndAdd(RUN)) {
        int to = Math.min(order.length, from + RUN);
        for (int i = from; i < to; i++) {
          accepted[order[i]] = readOne(reader, order[i], sink);
        }
      }
    }
  }

  /** Reads one blob and pushes it; whether it was pushed. */
  private boolean readOne(ObjectSource reader, int blob, BlobSink sink) {
    ObjectId id = inventory.blobs.id(blob);
    BlobId blobId = new BlobId(id.name());
    if (!sink.needs(blobId)) {
      return false; // scanned by an earlier source; located with the others if it matched
    }
    try {
      ObjectLoader loader = reader.open(id, Constants.OBJ_BLOB);
      long size = loader.getSize();
      if (loader.isLarge() || size > settings.maxBlobBytes()) {
        sink.problem(Problem.skipped(where(blob), tooLarge(size)));
        return false;
      }
      byte[] bytes = loader.getCachedBytes();
      Provenance provenance = inventory.provenance(blob);
      boolean pointer = LfsPointer.note(bytes, where(blob), sink);
      sink.accept(new Blob(blobId, bytes), provenance);
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

  /** The blob's path (or id, outside any commit) for messages. */
  private String where(int blob) {
    return inventory.blobs.commit(blob) >= 0
        ? inventory.blobs.path(blob)
        : inventory.blobs.id(blob).name();
  }

  private static String tooLarge(long size) {
    return "larger than the size limit (" + size + " bytes); raise --max-file-size to scan it";
  }

  private static String unreadable(ObjectId id, String why) {
    return "blob " + id.name() + " cannot be read: " + why + " (run 'git fsck' to find the damage)";
  }
}

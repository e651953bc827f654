package dev.rekey.scanner.git;

import dev.rekey.scanner.model.BlobId;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.pipeline.HistorySink;
import dev.rekey.scanner.pipeline.ScanSettings;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * A history listed and its blobs read, waiting for the locate step: the walk of every tree for a
 * range or every object ({@link WalkedScan}), or the index of commit facts for the whole history
 * ({@link IndexedScan}).
 */
sealed interface ListedScan permits WalkedScan, IndexedScan, RepeatScan {

  /** Reports where the matched blobs sit, then records what was found clean. */
  void locate(Set<BlobId> matched, HistorySink sink);

  /**
   * After {@link #locate}, keeps what the next scan starts from that depends on where the matches
   * sit; reports its problems to {@code problems}. Runs on a thread of its own while the scan's
   * result is built, so it touches nothing but what the scan left behind and the cache folder.
   */
  default void keep(Consumer<Problem> problems) {}

  /**
   * Reads the blobs of {@code places} in pack order and pushes them; returns, per blob, whether it
   * was pushed.
   */
  static boolean[] read(
      RepositoryHandle handle,
      BlobPlaces places,
      int[] wanted,
      ScanSettings settings,
      HistorySink sink) {
    sink.expect(wanted.length);
    boolean[] accepted = new boolean[places.blobs().size()];
    PackFiles packs = handle.packs();
    PackOrder order = PackOrder.of(packs, places.blobs(), wanted, settings.threads());
    new HistoryBlobReader(handle, places, settings).read(packs, order, sink, accepted);
    return accepted;
  }

  /** Adds the blobs pushed without a match to {@code record}, and saves it. */
  static void record(
      @Nullable ScanRecord record,
      BlobTable blobs,
      boolean[] accepted,
      Set<ObjectId> matched,
      Consumer<Problem> problems) {
    if (record == null) {
      return;
    }
    for (int i = 0; i < accepted.length; i++) {
      if (accepted[i]) {
        ObjectId id = blobs.id(i);
        if (!matched.contains(id)) {
          record.add(id);
        }
      }
    }
    try {
      record.save();
    } catch (IOException e) {
      problems.accept(
          Problem.skipped(
              record.where(),
              "cannot record the blobs scanned ("
                  + e.getMessage()
                  + "): the next scan will read every blob again"));
    }
  }

  /**
   * The git objects among {@code matched} (a blob of a history is asked about as an id: a record of
   * 425k blobs made a string of each to ask).
   */
  static Set<ObjectId> ids(Set<BlobId> matched) {
    Set<ObjectId> ids = new HashSet<>();
    for (BlobId id : matched) {
      if (ObjectId.isId(id.hex())) {
        ids.add(ObjectId.fromString(id.hex()));
      }
    }
    return ids;
  }
}

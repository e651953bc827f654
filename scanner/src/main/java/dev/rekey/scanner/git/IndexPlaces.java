package dev.rekey.scanner.git;

import dev.rekey.scanner.model.Provenance;
import dev.rekey.scanner.pipeline.HistorySink;
import java.io.IOException;
import java.util.BitSet;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.MutableObjectId;
import org.eclipse.jgit.lib.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * The blobs a listed history holds that still need reading, each with the place it was first seen
 * at: the first commit of the scan order that introduces it, at the first path in tree order — the
 * place a walk of every tree in that order would meet it first. Blobs the record holds as clean are
 * left out; submodules are noted on the way, once per path.
 */
@SuppressWarnings("JdkObsolete") // BitSet: one bit per object of the index
final class IndexPlaces implements BlobPlaces {
  private final HistoryIndex index;
  private final BlobTable blobs = new BlobTable();
  private final BitSet placed = new BitSet();
  private final IdTable placedDirectly = new IdTable();

  private IndexPlaces(HistoryIndex index) {
    this.index = index;
  }

  /** Places every blob of {@code listing} not in {@code record}. */
  static IndexPlaces of(
      HistoryIndex index,
      IndexLister.Listing listing,
      @Nullable ScanRecord record,
      ObjectSource objects,
      HistorySink sink) {
    IndexPlaces places = new IndexPlaces(index);
    SubmoduleNotes submodules = new SubmoduleNotes(sink);
    TreeProblems problems = new TreeProblems(sink);
    int[] order = listing.order();
    int direct = 0;
    for (int position = 0; position <= order.length; position++) {
      for (;
          direct < listing.direct().size() && listing.direct().get(direct).position() == position;
          direct++) {
        places.direct(listing.direct().get(direct), record, objects, submodules, problems);
      }
      if (position < order.length) {
        places.commit(order[position], record, submodules);
      }
    }
    return places;
  }

  private void commit(int commit, @Nullable ScanRecord record, SubmoduleNotes submodules) {
    for (int k = 0; k < index.changeCount(commit); k++) {
      int kind = index.changeKind(commit, k);
      int object = index.changeObject(commit, k);
      if ((kind & HistoryIndex.KIND) == HistoryIndex.GITLINK) {
        submodules.note(index.paths.get(index.changePath(commit, k)), index.objects.get(object));
      } else if (kind == (HistoryIndex.BLOB | HistoryIndex.INTRODUCED) && !placed.get(object)) {
        placed.set(object);
        ObjectId id = index.objects.get(object);
        if (record == null || !record.contains(id)) {
          blobs.add(id, commit, index.paths.get(index.changePath(commit, k)));
        }
      }
    }
  }

  /** A tip naming a blob, or a tree whose blobs are then all placed outside any commit. */
  private void direct(
      IndexLister.DirectTip tip,
      @Nullable ScanRecord record,
      ObjectSource objects,
      SubmoduleNotes submodules,
      TreeProblems problems) {
    if (tip.type() != Constants.OBJ_TREE) {
      placeDirectly(tip.object(), record);
      return;
    }
    new DirectTree(objects, submodules, problems)
        .walk(tip.object(), "", b -> placeDirectly(b, record));
  }

  private void placeDirectly(ObjectId blob, @Nullable ScanRecord record) {
    int object = index.objects.indexOf(blob);
    if ((object >= 0 && placed.get(object)) || placedDirectly.add(blob) < 0) {
      return;
    }
    if (object >= 0) {
      placed.set(object);
    }
    if (record == null || !record.contains(blob)) {
      blobs.add(blob, BlobTable.NO_COMMIT, "");
    }
  }

  /** The blobs first met through a tip naming them (or a tree), outside any commit. */
  IdTable directBlobs() {
    return placedDirectly;
  }

  /** Whether the blob was first met through a tip naming it (or a tree), outside any commit. */
  boolean outsideCommits(AnyObjectId blob) {
    return placedDirectly.contains(blob);
  }

  /** The blobs of a tree a tip names, each once; submodules noted, damage reported. */
  private static final class DirectTree {
    private final ObjectSource objects;
    private final SubmoduleNotes submodules;
    private final TreeProblems problems;
    private final IdTable seen = new IdTable();

    DirectTree(ObjectSource objects, SubmoduleNotes submodules, TreeProblems problems) {
      this.objects = objects;
      this.submodules = submodules;
      this.problems = problems;
    }

    void walk(AnyObjectId tree, String prefix, Consumer<ObjectId> blob) {
      if (seen.add(tree) < 0) {
        return;
      }
      TreeEntries entries;
      try {
        entries = TreeEntries.of(objects.read(tree, Constants.OBJ_TREE)).parsed();
      } catch (IOException | IllegalStateException e) {
        problems.unreadable(tree, prefix, null, e);
        return;
      }
      MutableObjectId id = new MutableObjectId();
      for (int i = 0; i < entries.count(); i++) {
        int start = entries.start(i);
        int end = entries.start(i + 1);
        entries.copyId(end, id);
        int type = entries.mode(start) & TreeEntries.TYPE_MASK;
        if (type == TreeEntries.TREE) {
          walk(id.toObjectId(), prefix + entries.name(start, end) + "/", blob);
        } else if (type == TreeEntries.GITLINK) {
          submodules.note(prefix + entries.name(start, end), id);
        } else {
          blob.accept(id.toObjectId());
        }
      }
    }
  }

  @Override
  public BlobTable blobs() {
    return blobs;
  }

  @Override
  public Provenance provenance(int blob) {
    int commit = blobs.commit(blob);
    if (commit < 0) {
      return new Provenance.Unreachable(blobs.id(blob).name());
    }
    return new Provenance.GitBlob(index.info(commit), blobs.path(blob));
  }
}

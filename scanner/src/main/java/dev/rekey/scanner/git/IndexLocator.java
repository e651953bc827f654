package dev.rekey.scanner.git;

import dev.rekey.scanner.model.BlobId;
import dev.rekey.scanner.model.CommitInfo;
import dev.rekey.scanner.model.CommitSet;
import dev.rekey.scanner.model.GitSpread;
import dev.rekey.scanner.model.Provenance;
import dev.rekey.scanner.model.RefNames;
import dev.rekey.scanner.pipeline.HistorySink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds, for the few blobs that held a match, every place in a listed history they sit, from the
 * index alone (no tree is read): each commit that introduced one at a path, how many commits hold
 * it (following each commit's changes from its first parent's holdings), which refs reach such a
 * commit, whether the default branch's tip still holds it and, if not, which commit of that branch
 * removed it.
 */
@SuppressWarnings("JdkObsolete") // BitSet: compact sets of commit positions and targets
final class IndexLocator {
  private final HistoryIndex index;
  private final HistorySink sink;
  private final Map<Integer, Integer> targetOf = new HashMap<>();
  private final BitSet isTarget = new BitSet(); // asked of every change of every commit first
  private final List<BlobId> targets = new ArrayList<>();
  private final List<CommitSet.Builder> commitsOf = new ArrayList<>();
  private final CarriedUnion union = new CarriedUnion();

  /**
   * @param matched the blobs that held a match; those met only outside commits are not located
   */
  IndexLocator(HistoryIndex index, IndexPlaces places, Set<BlobId> matched, HistorySink sink) {
    this.index = index;
    this.sink = sink;
    for (BlobId id : matched) {
      org.eclipse.jgit.lib.ObjectId objectId = org.eclipse.jgit.lib.ObjectId.fromString(id.hex());
      int object = index.objects.indexOf(objectId);
      if (object >= 0 && !places.outsideCommits(objectId)) {
        targetOf.put(object, targets.size());
        isTarget.set(object);
        targets.add(id);
        commitsOf.add(new CommitSet.Builder());
      }
    }
  }

  /** Reports the places and spread of every target to the sink. */
  void locate(IndexLister.Listing listing, @Nullable String defaultBranch, int defaultTip) {
    if (targets.isEmpty()) {
      return;
    }
    int[] order = listing.order();
    int[][] held = new int[index.size()][];
    BitSet[] carried = new BitSet[index.size()];
    BitSet emitted = new BitSet();
    for (int position = 0; position < order.length; position++) {
      int commit = order[position];
      int[] holds = holdings(commit, base(commit, emitted, held));
      held[commit] = holds;
      BitSet carries = inherited(commit, emitted, carried);
      for (int h = 0; h < holds.length; h += 2) {
        commitsOf.get(holds[h]).add(position);
        if (carries == null || !carries.get(holds[h])) {
          carries = carries == null ? new BitSet() : (BitSet) carries.clone();
          carries.set(holds[h]);
        }
      }
      carried[commit] = carries;
      emitted.set(commit);
    }
    int @Nullable [] atTip = defaultTip >= 0 ? held[defaultTip] : null;
    Map<Integer, CommitInfo> left = leftTip(defaultTip, atTip, held);
    report(listing.tips(), carried, defaultBranch, atTip, left);
  }

  /**
   * For each target the default branch's tip does not hold: the commit that removed it from that
   * branch, found by following first parents back from the tip to the newest commit holding it (the
   * removal is that commit's child on the way). Absent where the branch never held it.
   */
  private Map<Integer, CommitInfo> leftTip(int tip, int @Nullable [] atTip, int[][] held) {
    Map<Integer, CommitInfo> left = new HashMap<>();
    BitSet pending = new BitSet();
    pending.set(0, targets.size());
    for (int h = 0; atTip != null && h < atTip.length; h += 2) {
      pending.clear(atTip[h]);
    }
    int child = tip;
    while (child >= 0 && !pending.isEmpty() && index.parentCount(child) > 0) {
      int parent = index.parent(child, 0);
      int @Nullable [] holds = index.has(child, HistoryIndex.SHALLOW) ? null : held[parent];
      if (holds == null) {
        break;
      }
      for (int h = 0; h < holds.length; h += 2) {
        if (pending.get(holds[h])) {
          left.put(holds[h], index.info(child));
          pending.clear(holds[h]);
        }
      }
      child = parent;
    }
    return left;
  }

  /** The holdings a commit's changes start from: its first parent's, when they were its base. */
  private int[] base(int commit, BitSet emitted, int[][] held) {
    if (index.has(commit, HistoryIndex.SHALLOW) || index.parentCount(commit) == 0) {
      return new int[0];
    }
    int first = index.parent(commit, 0);
    return emitted.get(first) && held[first] != null ? held[first] : new int[0];
  }

  /**
   * The targets a commit holds, as (target, path) pairs: its first parent's, less the paths it
   * changes, plus the targets it puts in place; reported where it introduces one.
   */
  private int[] holdings(int commit, int[] from) {
    int[] holds = from;
    for (int k = 0; k < index.changeCount(commit); k++) {
      int path = index.changePath(commit, k);
      int kind = index.changeKind(commit, k);
      if (holds.length > 0) {
        holds = without(holds, path, (kind & HistoryIndex.KIND) == HistoryIndex.DELETED_TREE);
      }
      int object = index.changeObject(commit, k);
      Integer target = object >= 0 && isTarget.get(object) ? targetOf.get(object) : null;
      if ((kind & HistoryIndex.KIND) == HistoryIndex.BLOB && target != null) {
        holds = Arrays.copyOf(holds, holds.length + 2);
        holds[holds.length - 2] = target;
        holds[holds.length - 1] = path;
        if ((kind & HistoryIndex.INTRODUCED) != 0) {
          sink.alsoAt(
              targets.get(target),
              new Provenance.GitBlob(index.info(commit), index.paths.get(path)));
        }
      }
    }
    return holds;
  }

  /** {@code holds} without the pairs at {@code path} (or under it, for a folder). */
  private int[] without(int[] holds, int path, boolean folder) {
    String prefix = folder ? index.paths.get(path) : null;
    int[] kept = new int[holds.length];
    int count = 0;
    for (int h = 0; h < holds.length; h += 2) {
      boolean gone =
          prefix == null ? holds[h + 1] == path : index.paths.get(holds[h + 1]).startsWith(prefix);
      if (!gone) {
        kept[count++] = holds[h];
        kept[count++] = holds[h + 1];
      }
    }
    return count == holds.length ? holds : Arrays.copyOf(kept, count);
  }

  /** The union of what the parents carry; shared with a parent when nothing is added. */
  private @Nullable BitSet inherited(int commit, BitSet emitted, BitSet[] carried) {
    if (index.has(commit, HistoryIndex.SHALLOW)) {
      return null;
    }
    union.start();
    for (int k = 0; k < index.parentCount(commit); k++) {
      int parent = index.parent(commit, k);
      union.add(emitted.get(parent) ? carried[parent] : null);
    }
    return union.result();
  }

  private void report(
      List<IndexLister.IndexTip> tips,
      BitSet[] carried,
      @Nullable String defaultBranch,
      int @Nullable [] atTip,
      Map<Integer, CommitInfo> left) {
    List<RefNames> refsOf =
        TipReach.refNames(
            tips.stream().map(IndexLister.IndexTip::name).toList(),
            i -> carried[tips.get(i).commit()],
            targets.size());
    BitSet tipHolds = new BitSet();
    for (int h = 0; atTip != null && h < atTip.length; h += 2) {
      tipHolds.set(atTip[h]);
    }
    for (int t = 0; t < targets.size(); t++) {
      sink.spread(
          targets.get(t),
          new GitSpread(
              commitsOf.get(t).build(),
              refsOf.get(t),
              defaultBranch,
              tipHolds.get(t),
              left.get(t)));
    }
  }
}

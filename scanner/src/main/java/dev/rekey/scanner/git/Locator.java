package dev.rekey.scanner.git;

import dev.rekey.scanner.model.BlobId;
import dev.rekey.scanner.model.CommitInfo;
import dev.rekey.scanner.model.CommitSet;
import dev.rekey.scanner.model.GitSpread;
import dev.rekey.scanner.model.Provenance;
import dev.rekey.scanner.model.RefNames;
import dev.rekey.scanner.pipeline.HistorySink;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * Finds, for the few blobs that held a match, every place in the history they sit: each commit that
 * introduced one at a path (holds it there while none of its parents does), how many commits carry
 * it, which refs reach such a commit, whether the default branch's tip still holds it and, if not,
 * which commit of that branch removed it. Runs after the scan, so the cost is paid only for what
 * was found.
 */
@SuppressWarnings("JdkObsolete") // BitSet: compact sets of commit and blob numbers
final class Locator {
  private final Inventory inventory;
  private final HistorySink sink;
  private final List<ObjectId> targets = new ArrayList<>();
  private final TreeHits trees;
  private final List<CommitSet.Builder> commitsOf = new ArrayList<>();
  private final CarriedUnion union = new CarriedUnion();

  Locator(ObjectSource objects, Inventory inventory, Set<BlobId> matched, HistorySink sink) {
    this.inventory = inventory;
    this.sink = sink;
    Map<ObjectId, Integer> numbers = new HashMap<>();
    for (BlobId id : matched) {
      ObjectId objectId = ObjectId.fromString(id.hex());
      int blob = inventory.blobs.indexOf(objectId);
      if (blob >= 0 && inventory.blobs.commit(blob) >= 0) {
        numbers.put(objectId, targets.size());
        targets.add(objectId);
        commitsOf.add(new CommitSet.Builder());
      }
    }
    this.trees = new TreeHits(objects, numbers);
  }

  /** Reports the places and spread of every target to the sink. */
  void locate(RefTips.@Nullable DefaultBranch branch, @Nullable ObjectId defaultTipTree) {
    if (targets.isEmpty()) {
      return;
    }
    for (HistoryCommit commit : inventory.commits) {
      visit(commit);
    }
    List<CommitSet> holders = commitsOf.stream().map(CommitSet.Builder::build).toList();
    List<RefNames> refsOf =
        TipReach.refNames(
            inventory.tips.stream().map(Inventory.NamedCommit::name).toList(),
            i -> inventory.tips.get(i).commit().carried,
            targets.size());
    BitSet atTip = new BitSet();
    if (defaultTipTree != null) {
      trees.of(defaultTipTree).forEach(hit -> atTip.set(hit.target()));
    }
    Map<Integer, CommitInfo> left = leftTip(branch, atTip, holders);
    String name = branch == null ? null : branch.name();
    for (int t = 0; t < targets.size(); t++) {
      GitSpread spread =
          new GitSpread(holders.get(t), refsOf.get(t), name, atTip.get(t), left.get(t));
      sink.spread(new BlobId(targets.get(t).name()), spread);
    }
  }

  /**
   * For each target the default branch's tip does not hold: the commit that removed it from that
   * branch, found by following first parents back from the tip to the newest commit holding it (the
   * removal is that commit's child on the way). Null where the branch never held it.
   */
  private Map<Integer, CommitInfo> leftTip(
      RefTips.@Nullable DefaultBranch branch, BitSet atTip, List<CommitSet> holders) {
    Map<Integer, CommitInfo> left = new HashMap<>();
    HistoryCommit child = branch == null ? null : tipCommit(branch.tip());
    BitSet pending = new BitSet();
    pending.set(0, targets.size());
    pending.andNot(atTip);
    while (child != null && child.index >= 0 && !pending.isEmpty() && child.getParentCount() > 0) {
      HistoryCommit parent = (HistoryCommit) child.getParent(0);
      if (parent.index < 0) {
        break;
      }
      for (int t = pending.nextSetBit(0); t >= 0; t = pending.nextSetBit(t + 1)) {
        if (holders.get(t).contains(parent.index)) {
          left.put(t, inventory.info(child));
          pending.clear(t);
        }
      }
      child = parent;
    }
    return left;
  }

  private @Nullable HistoryCommit tipCommit(ObjectId id) {
    for (Inventory.NamedCommit tip : inventory.tips) {
      if (tip.commit().equals(id)) {
        return tip.commit();
      }
    }
    return null;
  }

  /** Records the targets of one commit; its parents have been visited already. */
  private void visit(HistoryCommit commit) {
    List<TreeHits.Hit> hits = trees.of(commit.getTree());
    BitSet carried = inherited(commit);
    boolean own = false;
    if (!hits.isEmpty()) {
      for (TreeHits.Hit hit : hits) {
        if (carried == null || !carried.get(hit.target())) {
          carried = own && carried != null ? carried : copy(carried);
          own = true;
          carried.set(hit.target());
        }
        commitsOf.get(hit.target()).add(commit.index);
        if (introduces(commit, hit)) {
          sink.alsoAt(
              new BlobId(targets.get(hit.target()).name()),
              new Provenance.GitBlob(inventory.info(commit), hit.path()));
        }
      }
    }
    commit.carried = carried;
  }

  private static BitSet copy(@Nullable BitSet set) {
    return set == null ? new BitSet() : (BitSet) set.clone();
  }

  /** The union of what the parents carry; shared with a parent when nothing is added. */
  private @Nullable BitSet inherited(HistoryCommit commit) {
    union.start();
    for (int i = 0; i < commit.getParentCount(); i++) {
      union.add(((HistoryCommit) commit.getParent(i)).carried);
    }
    return union.result();
  }

  /** Whether no parent holds the hit's blob at the hit's path. */
  private boolean introduces(HistoryCommit commit, TreeHits.Hit hit) {
    for (int i = 0; i < commit.getParentCount(); i++) {
      HistoryCommit parent = (HistoryCommit) commit.getParent(i);
      if (parent.index >= 0 && trees.of(parent.getTree()).contains(hit)) {
        return false;
      }
    }
    return true;
  }
}

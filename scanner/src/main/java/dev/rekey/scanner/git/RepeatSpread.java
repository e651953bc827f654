package dev.rekey.scanner.git;

import dev.rekey.scanner.model.CommitInfo;
import dev.rekey.scanner.model.CommitSet;
import dev.rekey.scanner.model.GitSpread;
import dev.rekey.scanner.model.RefCatalog;
import dev.rekey.scanner.model.RefNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.MutableObjectId;
import org.eclipse.jgit.lib.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * How far a matched blob has spread after a repeat scan's new commits: the commits carrying it
 * (those before, and each new commit whose tree holds it at a path some commit introduced it at),
 * the refs reaching a carrier (unchanged tips as before; moved and new tips through the new commits
 * and, below them, the commits seen before), and whether the default branch's tip holds it.
 */
@SuppressWarnings("JdkObsolete") // BitSet: commit numbers
final class RepeatSpread {
  private final RepeatScan.Start start;
  private final NewCommits fresh;
  private final List<HistorySummary.Tip> tips;
  private final RefTips.@Nullable DefaultBranch branch;
  private final ObjectSource objects;
  private final TreeReader trees;
  private final Map<ObjectId, Map<String, Optional<ObjectId>>> found = new HashMap<>();
  private static final BitSet NONE = new BitSet(); // never changed

  private final PositionMap keptTips; // the last scan's tips to the unchanged ones now
  private final RefCatalog refNames;
  private final PositionMap named; // the tips to their names in the catalog
  private final Map<BitSet, RefNames> namesOf = new IdentityHashMap<>(); // shared by targets
  private final Map<Integer, Integer> oldTipAt = new HashMap<>();
  private final Map<Integer, BitSet> reachedFrom = new HashMap<>();
  private final Map<BitSet, BitSet> refSets = new HashMap<>(); // targets reached from the same
  private final Map<BitSet, BitSet> unchanged = new IdentityHashMap<>(); // shared by old targets
  private final List<Integer> moved = new ArrayList<>();

  RepeatSpread(
      RepeatScan.Start start,
      NewCommits fresh,
      List<HistorySummary.Tip> tips,
      RefTips.@Nullable DefaultBranch branch,
      ObjectSource objects) {
    this.start = start;
    this.fresh = fresh;
    this.tips = tips;
    this.branch = branch;
    this.objects = objects;
    this.trees = new TreeReader(objects, 16L << 20);
    List<HistorySummary.Tip> old = start.summary().tips();
    Map<String, Integer> place = new HashMap<>();
    for (int i = 0; i < old.size(); i++) {
      HistorySummary.Tip tip = old.get(i);
      place.put(tip.name(), i);
      if (tip.type() == Constants.OBJ_COMMIT) {
        int number = start.seen().number(tip.object());
        if (number >= 0) {
          oldTipAt.putIfAbsent(number, i);
        }
      }
    }
    List<String> names = tips.stream().map(HistorySummary.Tip::name).toList();
    this.refNames = RefCatalog.of(names);
    this.named = PositionMap.of(refNames.positionsOf(names));
    int[] nowAt = new int[old.size()];
    Arrays.fill(nowAt, -1);
    for (int i = 0; i < tips.size(); i++) {
      Integer was = place.get(tips.get(i).name());
      if (was != null && old.get(was).equals(tips.get(i))) {
        nowAt[was] = i;
      } else {
        moved.add(i);
      }
    }
    this.keptTips = PositionMap.of(nowAt);
  }

  /** The blob as the summary keeps it, with what the new commits add. */
  HistorySummary.Target of(RepeatPlaces.Located blob) {
    HistorySummary.Target old = blob.before();
    List<HistorySummary.Place> places = new ArrayList<>();
    if (old != null) {
      places.addAll(old.places());
    }
    places.addAll(blob.introduced());
    Set<String> paths = new LinkedHashSet<>();
    places.forEach(p -> paths.add(p.path()));
    CommitSet.Builder added = new CommitSet.Builder();
    for (int commit : fresh.fresh) {
      if (holds(fresh.index.tree(commit), blob.blob(), paths)) {
        added.add(fresh.number(commit));
      }
    }
    CommitSet holders = old == null ? added.build() : old.holders().union(added.build());
    BitSet kept = old == null ? NONE : unchanged.computeIfAbsent(old.refs(), this::kept);
    BitSet refs = kept; // shared until a moved tip is added
    for (int i : moved) {
      HistorySummary.Tip tip = tips.get(i);
      if (tip.type() == Constants.OBJ_COMMIT && carries(tip.object(), old, holders)) {
        refs = refs == kept ? (BitSet) kept.clone() : refs;
        refs.set(i);
      }
    }
    boolean atTip = atTip(blob.blob(), old, paths);
    return new HistorySummary.Target(
        blob.blob(),
        places,
        holders,
        refs == kept ? kept : refSets.computeIfAbsent(refs, same -> same),
        atTip,
        atTip ? null : left(holders, old));
  }

  /** The unchanged tips (by their place now) among the tips {@code before} names. */
  private BitSet kept(BitSet before) {
    return keptTips.apply(before);
  }

  GitSpread toSpread(HistorySummary.Target target) {
    return new GitSpread(
        target.holders(),
        namesOf.computeIfAbsent(target.refs(), refs -> refNames.set(named.apply(refs))),
        branch == null ? null : branch.name(),
        target.atTip(),
        target.left());
  }

  /**
   * The commit that took the blob off the default branch, found as the full listing finds it
   * ({@link IndexLocator}): following first parents back from the tip, the child of the newest
   * commit holding it. From the last scan's default tip on, the walk is that scan's, whose answer
   * is kept.
   */
  private @Nullable CommitInfo left(CommitSet holders, HistorySummary.@Nullable Target old) {
    RefTips.DefaultBranch now = branch;
    if (now == null) {
      return null;
    }
    SeenCommits seen = start.seen();
    int at = fresh.index.commits.indexOf(now.tip());
    int child = at >= 0 && fresh.isFresh(at) ? -1 : seen.number(now.tip());
    while (at >= 0 && fresh.isFresh(at) && fresh.index.parentCount(at) > 0) {
      int parent = fresh.index.parent(at, 0);
      boolean isFresh = fresh.isFresh(parent);
      int number = isFresh ? fresh.number(parent) : seen.number(fresh.index.id(parent));
      if (number >= 0 && holders.contains(number)) {
        return fresh.index.info(at);
      }
      at = isFresh ? parent : -1;
      child = isFresh ? -1 : number;
    }
    int oldTip = seen.number(start.summary().defaultTip());
    boolean seenHold = holders.first() >= 0 && holders.first() < seen.size();
    while (child >= 0 && seenHold) {
      if (child == oldTip) {
        return old == null ? null : old.left();
      }
      int parent = seen.firstParent(child);
      if (parent >= 0 && holders.contains(parent)) {
        return info(seen.id(child));
      }
      child = parent;
    }
    return null;
  }

  private @Nullable CommitInfo info(ObjectId commit) {
    try {
      HistoryIndex one = new HistoryIndex();
      int at = one.commit(commit);
      one.parsed(at, RawCommit.parse(objects.read(commit, Constants.OBJ_COMMIT)));
      return one.info(at);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Whether a carrier of the blob is reachable from {@code commit}. */
  private boolean carries(ObjectId commit, HistorySummary.@Nullable Target old, CommitSet holders) {
    int at = fresh.index.commits.indexOf(commit);
    if (at < 0 || !fresh.isFresh(at)) {
      return carriesSeen(start.seen().number(commit), old);
    }
    Deque<Integer> pending = new ArrayDeque<>();
    BitSet visited = new BitSet();
    pending.push(at);
    while (!pending.isEmpty()) {
      int c = pending.pop();
      if (visited.get(c)) {
        continue;
      }
      visited.set(c);
      if (!fresh.isFresh(c)) {
        if (carriesSeen(start.seen().number(fresh.index.id(c)), old)) {
          return true;
        }
      } else if (holders.contains(fresh.number(c))) {
        return true;
      } else {
        for (int k = 0; k < fresh.index.parentCount(c); k++) {
          pending.push(fresh.index.parent(c, k));
        }
      }
    }
    return false;
  }

  /** Whether a commit seen before reaches a carrier: as its tip did, or by walking its parents. */
  private boolean carriesSeen(int number, HistorySummary.@Nullable Target old) {
    if (old == null || number < 0) {
      return false; // a blob no scan read is carried by no commit seen before
    }
    Integer tip = oldTipAt.get(number);
    if (tip != null) {
      return old.refs().get(tip);
    }
    BitSet reached =
        reachedFrom.computeIfAbsent(
            number,
            n -> {
              BitSet from = new BitSet();
              from.set(n);
              BitSet all = new BitSet();
              start.seen().reach(from, all);
              return all;
            });
    return old.holders().intersects(reached);
  }

  private boolean atTip(ObjectId blob, HistorySummary.@Nullable Target old, Set<String> paths) {
    RefTips.DefaultBranch now = branch;
    if (now == null) {
      return false;
    }
    HistorySummary summary = start.summary();
    if (old != null
        && now.name().equals(summary.defaultBranch())
        && now.tip().equals(summary.defaultTip())) {
      return old.atTip();
    }
    try {
      int at = fresh.index.commits.indexOf(now.tip());
      ObjectId tree =
          at >= 0 && fresh.index.has(at, HistoryIndex.PARSED)
              ? fresh.index.tree(at)
              : RawCommit.parse(objects.read(now.tip(), Constants.OBJ_COMMIT)).tree();
      return holds(tree, blob, paths);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Whether the tree holds the blob at one of the paths. */
  private boolean holds(ObjectId tree, ObjectId blob, Set<String> paths) {
    Map<String, Optional<ObjectId>> inTree = found.computeIfAbsent(tree, t -> new HashMap<>());
    for (String path : paths) {
      // asked once per tree and path: thousands of matched blobs share a few thousand paths
      Optional<ObjectId> at =
          inTree.computeIfAbsent(path, p -> Optional.ofNullable(lookup(tree, p)));
      if (at.isPresent() && blob.equals(at.get())) {
        return true;
      }
    }
    return false;
  }

  private @Nullable ObjectId lookup(ObjectId root, String path) {
    String[] names = path.split("/", -1);
    MutableObjectId id = new MutableObjectId();
    id.fromObjectId(root);
    for (int level = 0; level < names.length; level++) {
      TreeEntries entries = trees.readOrNull(id);
      if (entries == null) {
        return null;
      }
      entries = entries.parsed();
      boolean last = level == names.length - 1;
      byte[] ascii = ascii(names[level]);
      int found = -1;
      for (int i = 0; i < entries.count() && found < 0; i++) {
        int s = entries.start(i);
        int e = entries.start(i + 1);
        if (entries.isTree(s) != last && named(entries, s, e, names[level], ascii)) {
          found = i;
          entries.copyId(e, id);
        }
      }
      if (found < 0) {
        return null;
      }
    }
    return id.toObjectId();
  }

  /** Whether the entry {@code [s, e)} is named {@code name} (its bytes, when it is ASCII). */
  private static boolean named(
      TreeEntries entries, int s, int e, String name, byte @Nullable [] ascii) {
    if (ascii == null) {
      return entries.name(s, e).equals(name);
    }
    int from = entries.nameStart(s);
    int to = e - TreeEntries.ID_LENGTH - 1;
    return Arrays.equals(entries.raw(), from, to, ascii, 0, ascii.length);
  }

  /**
   * The bytes of an ASCII name (a tree entry decodes to it exactly when it has those bytes), or
   * null for another name, compared decoded.
   */
  private static byte @Nullable [] ascii(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) >= 0x80) {
        return null;
      }
    }
    return name.getBytes(StandardCharsets.US_ASCII);
  }
}

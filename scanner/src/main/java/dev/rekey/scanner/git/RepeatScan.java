package dev.rekey.scanner.git;

import dev.rekey.scanner.model.BlobId;
import dev.rekey.scanner.model.Provenance;
import dev.rekey.scanner.pipeline.BlobMatch;
import dev.rekey.scanner.pipeline.HistorySink;
import dev.rekey.scanner.pipeline.ScanSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.jspecify.annotations.Nullable;

/**
 * A repeat scan of a whole history that starts from what the last one concluded ({@link
 * HistorySummary}) instead of listing the history again: it walks from the tips down to the commits
 * already seen, compares only the new ones with their parents, reads only blobs no scan has read
 * (and those that held a match, so their findings are reported again), and adds the new places and
 * spread to the ones kept. Findings and places are those a full listing would report: they depend
 * on which commits are reachable and what each introduces, not on the order of the walk. It
 * declines (and the full listing runs) when the history lost a commit it had (a rebase, a deleted
 * ref whose commits nothing else reaches), when a tip names no commit, when anything cannot be
 * read, on a shallow clone, and when the cache is missing, damaged or another version's.
 */
@SuppressWarnings("JdkObsolete") // BitSet: commit numbers
final class RepeatScan implements ListedScan {
  /** New commits a repeat takes on before a full listing is cheaper to reason about. */
  static final int MAX_NEW = 5000;

  private static final int MAX_EXTRA = 50_000;

  private final RepositoryHandle handle;
  private final RepeatResult result;

  /** What a repeat starts from: the summary, the commits seen, where both are kept. */
  record Start(
      ListingSummary folder, HistorySummary summary, SeenCommits seen, ScanRecord record) {}

  private RepeatScan(RepositoryHandle handle, RepeatResult result) {
    this.handle = handle;
    this.result = result;
  }

  /** The repeat scan of the history, or null when only a full listing can be sure. */
  static @Nullable RepeatScan scan(
      RepositoryHandle handle,
      ScanSettings settings,
      Set<ObjectId> shallow,
      @Nullable ScanRecord record,
      @Nullable CacheFolder cache,
      @Nullable String key,
      KeptMatches kept,
      HistorySink sink) {
    Start start = start(handle.current(), shallow, record, cache, key);
    if (start == null) {
      return null;
    }
    try (ObjectSource objects = new ObjectSource(handle)) {
      Plan plan;
      try {
        plan = plan(handle.current(), start, objects);
      } catch (RuntimeException e) {
        return null; // kept files that parse but do not add up: list the history afresh
      }
      if (plan == null) {
        return null;
      }
      start.summary().notes().forEach(sink::problem);
      long refs = plan.tips().stream().filter(t -> t.type() == Constants.OBJ_COMMIT).count();
      sink.listed(start.seen().size() + (long) plan.fresh().fresh.size(), refs);
      Map<Integer, BlobId> messages = scanMessages(objects, plan.tips(), plan.fresh(), start, sink);
      BitSet taken = takeKept(plan.places(), kept, sink);
      int[] wanted =
          IntStream.range(0, plan.places().blobs().size()).filter(i -> !taken.get(i)).toArray();
      boolean[] accepted = ListedScan.read(handle, plan.places(), wanted, settings, sink);
      taken.stream().forEach(i -> accepted[i] = true);
      return new RepeatScan(
          handle,
          new RepeatResult(start, plan.fresh(), plan.tips(), plan.places(), accepted, messages));
    }
  }

  /**
   * Hands the sink the matches kept for the blobs that held some, in place of reading them; returns
   * the blobs taken so.
   */
  private static BitSet takeKept(RepeatPlaces places, KeptMatches kept, HistorySink sink) {
    BitSet taken = new BitSet();
    for (int i = 0; i < places.blobs().size(); i++) {
      Provenance provenance = places.provenance(i);
      String path = provenance.path();
      ObjectId blob = places.blobs().id(i);
      List<BlobMatch> matches = path == null ? null : kept.of(blob, path);
      if (matches != null && sink.acceptMatches(new BlobId(blob.name()), provenance, matches)) {
        taken.set(i);
      }
    }
    return taken;
  }

  /** What a repeat will do, worked out before anything is reported. */
  private record Plan(List<HistorySummary.Tip> tips, NewCommits fresh, RepeatPlaces places) {}

  private static @Nullable Plan plan(Repository repo, Start start, ObjectSource objects) {
    QuietSink quiet = new QuietSink();
    List<RefTips.Tip> refs = RefTips.read(repo, quiet);
    List<HistorySummary.Tip> tips = resolve(objects, refs, start.summary());
    if (tips == null || quiet.failed()) {
      return null;
    }
    NewCommits fresh = walk(objects, tips, start);
    if (fresh == null || !covers(start, tips, fresh)) {
      return null;
    }
    RepeatPlaces places = RepeatPlaces.of(start, fresh);
    return places == null ? null : new Plan(tips, fresh, places);
  }

  private static @Nullable Start start(
      Repository repo,
      Set<ObjectId> shallow,
      @Nullable ScanRecord record,
      @Nullable CacheFolder cache,
      @Nullable String key) {
    if (!shallow.isEmpty() || record == null || cache == null || key == null) {
      return null;
    }
    try {
      Path folder = cache.repository(repo.getCommonDirectory().toPath());
      String gitDir = IndexedScan.gitDir(repo);
      HistorySummary summary =
          HistorySummary.read(folder.resolve(ListingSummary.SUMMARY), key, gitDir);
      KnownCommits known = KnownCommits.read(folder.resolve(ListingSummary.COMMITS), gitDir);
      if (summary == null
          || known == null
          || known.generation() != summary.generation()
          || summary.extra().size() > MAX_EXTRA) {
        return null;
      }
      SeenCommits seen = new SeenCommits(known, summary.extra());
      List<HistorySummary.Tip> tips = summary.tips();
      for (int i = 0; i < tips.size(); i++) {
        if (tips.get(i).type() == Constants.OBJ_COMMIT) {
          seen.remember(tips.get(i).object(), summary.tipNumbers()[i]);
        }
      }
      return new Start(new ListingSummary(folder, key, gitDir), summary, seen, record);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Each tip with the object it ends at; null when one is new and names no commit. */
  private static @Nullable List<HistorySummary.Tip> resolve(
      ObjectSource objects, List<RefTips.Tip> refs, HistorySummary summary) {
    Map<String, HistorySummary.Tip> before = byName(summary.tips());
    List<HistorySummary.Tip> tips = new ArrayList<>();
    for (RefTips.Tip ref : refs) {
      HistorySummary.Tip known = before.get(ref.name());
      if (known != null && known.id().equals(ref.id())) {
        tips.add(known);
        continue;
      }
      TagPeeler.Peeled peeled = peelQuietly(objects, ref);
      if (peeled == null || peeled.type() != Constants.OBJ_COMMIT) {
        return null; // a new tip naming a tree or blob: its place depends on the listing's order
      }
      boolean tag = !peeled.id().equals(ref.id());
      tips.add(new HistorySummary.Tip(ref.name(), ref.id(), peeled.id(), peeled.type(), tag));
    }
    Set<HistorySummary.Tip> now = new HashSet<>(); // the few naming no commit
    for (HistorySummary.Tip tip : tips) {
      if (tip.type() != Constants.OBJ_COMMIT) {
        now.add(tip);
      }
    }
    for (HistorySummary.Tip old : summary.tips()) {
      if (old.type() != Constants.OBJ_COMMIT && !now.contains(old)) {
        return null; // a tip naming a blob outside commits is gone
      }
    }
    return tips;
  }

  /** Follows a tip through tags without scanning their messages; null when it cannot. */
  static TagPeeler.@Nullable Peeled peelQuietly(ObjectSource objects, RefTips.Tip tip) {
    QuietSink quiet = new QuietSink();
    TagPeeler.Peeled peeled =
        TagPeeler.peel(objects, new Messages(quiet), quiet, tip.id(), tip.name());
    return quiet.failed() ? null : peeled;
  }

  static Map<String, HistorySummary.Tip> byName(List<HistorySummary.Tip> tips) {
    Map<String, HistorySummary.Tip> byName = new LinkedHashMap<>();
    tips.forEach(t -> byName.put(t.name(), t));
    return byName;
  }

  private static @Nullable NewCommits walk(
      ObjectSource objects, List<HistorySummary.Tip> tips, Start start) {
    List<ObjectId> commits = new ArrayList<>();
    for (HistorySummary.Tip tip : tips) {
      if (tip.type() == Constants.OBJ_COMMIT) {
        commits.add(tip.object());
      }
    }
    int room = Math.min(MAX_NEW, MAX_EXTRA - start.summary().extra().size());
    return NewCommits.walk(objects, start.seen(), commits, room);
  }

  /** Whether every commit seen before is still reachable from the tips. */
  private static boolean covers(Start start, List<HistorySummary.Tip> tips, NewCommits fresh) {
    if (fresh.fresh.isEmpty() && tips.equals(start.summary().tips())) {
      return true;
    }
    BitSet from = (BitSet) fresh.base.clone();
    for (HistorySummary.Tip tip : tips) {
      int number = start.seen().number(tip.object());
      if (tip.type() == Constants.OBJ_COMMIT && number >= 0) {
        from.set(number);
      }
    }
    if (startsFromEveryOldTip(start, from)) {
      return true;
    }
    BitSet reached = new BitSet(start.seen().size());
    start.seen().reach(from, reached);
    return start.seen().all(reached);
  }

  /**
   * Whether the walk starts from every commit an old tip named: every commit seen before was
   * reachable from those (each repeat keeps only tips that reach all of them), so all still are,
   * without walking the whole history to find out (a new commit on a branch, new refs).
   */
  private static boolean startsFromEveryOldTip(Start start, BitSet from) {
    for (HistorySummary.Tip old : start.summary().tips()) {
      if (old.type() == Constants.OBJ_COMMIT) {
        int number = start.seen().number(old.object());
        if (number < 0 || !from.get(number)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Scans the messages of the tags on the way to each tip, of every new commit, and of the commits
   * whose message held a match before; returns the message of each new commit.
   */
  private static Map<Integer, BlobId> scanMessages(
      ObjectSource objects,
      List<HistorySummary.Tip> tips,
      NewCommits fresh,
      Start start,
      HistorySink sink) {
    Messages messages = new Messages(sink);
    for (HistorySummary.Tip tip : tips) {
      if (tip.message()) { // a tag whose message held a match, or one not met before
        TagPeeler.peel(objects, messages, sink, tip.id(), tip.name());
      }
    }
    Map<Integer, BlobId> ids = new HashMap<>();
    for (int commit : fresh.fresh) {
      BlobId message = messages.scanCommit(fresh.raw(commit), fresh.index.info(commit));
      if (message != null) {
        ids.put(commit, message);
      }
    }
    for (ObjectId id : start.summary().messageCommits()) {
      try {
        byte[] raw = objects.read(id, Constants.OBJ_COMMIT);
        HistoryIndex one = new HistoryIndex();
        int commit = one.commit(id);
        one.parsed(commit, RawCommit.parse(raw));
        messages.scanCommit(raw, one.info(commit));
      } catch (IOException | RuntimeException e) {
        sink.problem(IndexLister.unreadable(id, e));
      }
    }
    return ids;
  }

  @Override
  public void locate(Set<BlobId> matched, HistorySink sink) {
    RefTips.DefaultBranch branch = RefTips.defaultBranch(handle.current());
    List<HistorySummary.Target> targets;
    try (ObjectSource objects = new ObjectSource(handle)) {
      RepeatSpread spread =
          new RepeatSpread(result.start(), result.fresh(), result.tips(), branch, objects);
      targets = new ArrayList<>();
      for (RepeatPlaces.Located blob : result.places().located(matched)) {
        HistorySummary.Target target = spread.of(blob);
        for (HistorySummary.Place place : target.places()) {
          sink.alsoAt(
              new BlobId(target.blob().name()),
              new Provenance.GitBlob(Objects.requireNonNull(place.commit()), place.path()));
        }
        sink.spread(new BlobId(target.blob().name()), spread.toSpread(target));
        targets.add(target);
      }
    }
    result.keep(matched, targets, branch, sink);
  }
}

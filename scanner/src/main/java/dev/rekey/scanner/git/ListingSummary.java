package dev.rekey.scanner.git;

import dev.rekey.scanner.model.Blob;
import dev.rekey.scanner.model.BlobId;
import dev.rekey.scanner.model.GitSpread;
import dev.rekey.scanner.model.Provenance;
import dev.rekey.scanner.model.RefCatalog;
import dev.rekey.scanner.model.RefNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.util.RawParseUtils;
import org.jspecify.annotations.Nullable;

/**
 * Writes, after a full listing of a history ({@link IndexedScan}), what a repeat scan starts from:
 * the {@link KnownCommits} and the {@link HistorySummary}. Only a listing that is sure is kept —
 * not shallow, every ref and commit and tree read; otherwise the old summary is removed, so the
 * next scan lists the history again.
 *
 * @param folder the repository's cache folder
 * @param key the rules and settings the scan ran under
 */
@SuppressWarnings("JdkObsolete") // BitSet: the tips reaching a blob
record ListingSummary(Path folder, String key, String gitDir) {
  static final String SUMMARY = "history-summary";
  static final String COMMITS = "history-commits";

  /** What the full scan saw and concluded, before its matches are located. */
  @SuppressWarnings("ArrayRecordComponent") // the scan's own arrays, read once
  record Scan(
      HistoryIndex index,
      IndexLister.Listing listing,
      IndexPlaces places,
      boolean[] accepted,
      Set<BlobId> matched,
      Set<ObjectId> matchedIds,
      List<RefTips.Tip> tips,
      List<dev.rekey.scanner.model.Problem> notes) {}

  /**
   * The summary's parts that do not depend on where the matches are: kept while they are located.
   */
  @SuppressWarnings("ArrayRecordComponent") // the tips' numbers, read once
  record Started(
      long generation,
      List<HistorySummary.Tip> tips,
      int[] tipNumbers,
      List<HistorySummary.Place> reread,
      List<ObjectId> messageCommits) {}

  /**
   * Removes the old summary, keeps the commits of {@code scan} and works out the parts of its
   * summary that do not depend on where the matches are; null when the scan is not sure (nothing is
   * kept).
   */
  @Nullable Started start(Scan scan, RepositoryHandle handle, boolean sure) throws IOException {
    Files.deleteIfExists(folder.resolve(SUMMARY));
    if (!sure) {
      return null;
    }
    long generation = ThreadLocalRandom.current().nextLong();
    int[] order = scan.listing().order();
    // numbered in the listing's order: a spread's commit positions are the commits' numbers
    int[] number =
        KnownCommits.write(folder.resolve(COMMITS), gitDir, generation, scan.index(), order);
    List<HistorySummary.Tip> tips = tips(scan, handle);
    if (number == null || tips == null) {
      return null;
    }
    int[] tipNumbers = new int[tips.size()];
    for (int i = 0; i < tipNumbers.length; i++) {
      HistorySummary.Tip tip = tips.get(i);
      int commit =
          tip.type() == Constants.OBJ_COMMIT ? scan.index().commits.indexOf(tip.object()) : -1;
      tipNumbers[i] = commit < 0 ? -1 : number[commit];
    }
    return new Started(generation, tips, tipNumbers, reread(scan), messageCommits(scan));
  }

  /** Keeps the summary of {@code scan}, whose matches {@code located} holds the places of. */
  void finish(Started started, Scan scan, RecordingSink located, RepositoryHandle handle)
      throws IOException {
    RefTips.DefaultBranch branch = RefTips.defaultBranch(handle.current());
    new HistorySummary(
            started.generation(),
            branch == null ? null : branch.name(),
            branch == null ? ObjectId.zeroId() : branch.tip(),
            started.tips(),
            started.tipNumbers(),
            targets(scan, located, started.tips()),
            started.reread(),
            started.messageCommits(),
            scan.notes(),
            List.of(),
            List.of())
        .write(folder.resolve(SUMMARY), key, gitDir);
  }

  /** Every tip with the object it ends at; null when one cannot be followed. */
  private static @Nullable List<HistorySummary.Tip> tips(Scan scan, RepositoryHandle handle) {
    Map<String, Integer> commits = new HashMap<>();
    scan.listing().tips().forEach(t -> commits.put(t.name(), t.commit()));
    List<HistorySummary.Tip> tips = new ArrayList<>();
    try (ObjectSource objects = new ObjectSource(handle)) {
      for (RefTips.Tip tip : scan.tips()) {
        Integer commit = commits.get(tip.name());
        TagPeeler.Peeled peeled =
            commit != null && tip.id().equals(scan.index().id(commit))
                ? new TagPeeler.Peeled(tip.id(), Constants.OBJ_COMMIT)
                : RepeatScan.peelQuietly(objects, tip);
        if (peeled == null) {
          return null;
        }
        boolean message =
            !peeled.id().equals(tip.id()) && matchedMessage(objects, tip.id(), scan.matched());
        tips.add(new HistorySummary.Tip(tip.name(), tip.id(), peeled.id(), peeled.type(), message));
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return tips;
  }

  /** Whether a tag on the way from {@code tip} has a message that held a match. */
  private static boolean matchedMessage(ObjectSource objects, ObjectId tip, Set<BlobId> matched)
      throws IOException {
    ObjectId id = tip;
    for (int depth = 0; depth < 16; depth++) {
      ObjectLoader loader = objects.open(id, ObjectReader.OBJ_ANY);
      if (loader.getType() != Constants.OBJ_TAG) {
        return false;
      }
      byte[] raw = loader.getCachedBytes();
      int start = RawParseUtils.tagMessage(raw, 0);
      if (start >= 0
          && start < raw.length
          && matched.contains(Blob.of(Arrays.copyOfRange(raw, start, raw.length)).id())) {
        return true;
      }
      id = RevTag.parse(raw).getObject().copy();
    }
    return true; // too long to follow here: read it again every time
  }

  /**
   * The tips (by place in {@code tips}) among the names of sets of a catalog, each tip's place in
   * that catalog looked up once for all the sets (rails: 52k tips, thousands of distinct sets).
   */
  private static final class TipsAmong {
    private final List<HistorySummary.Tip> tips;
    private @Nullable RefCatalog catalog;
    private @Nullable PositionMap toTips;
    private int[] positions = new int[0]; // each tip's place in the catalog, when names repeat

    TipsAmong(List<HistorySummary.Tip> tips) {
      this.tips = tips;
    }

    @SuppressWarnings("ReferenceEquality") // the catalog the positions were looked up in
    BitSet of(Set<String> names) {
      RefNames set = RefNames.of(names);
      if (set.catalog() != catalog) {
        RefCatalog now = set.catalog();
        positions = now.positionsOf(tips.stream().map(HistorySummary.Tip::name).toList());
        catalog = now;
        int[] tipAt = new int[now.size()];
        Arrays.fill(tipAt, -1);
        boolean repeated = false;
        for (int i = 0; i < positions.length; i++) {
          if (positions[i] >= 0) {
            repeated |= tipAt[positions[i]] >= 0;
            tipAt[positions[i]] = i;
          }
        }
        toTips = repeated ? null : PositionMap.of(tipAt);
      }
      PositionMap map = toTips;
      if (map != null) {
        return map.apply(set.positions());
      }
      BitSet refs = new BitSet();
      for (int i = 0; i < positions.length; i++) {
        if (set.holds(positions[i])) {
          refs.set(i);
        }
      }
      return refs;
    }
  }

  private static List<HistorySummary.Target> targets(
      Scan scan, RecordingSink located, List<HistorySummary.Tip> tips) {
    List<HistorySummary.Target> targets = new ArrayList<>();
    Map<Set<String>, BitSet> refSets = new IdentityHashMap<>(); // one per set of the catalog
    TipsAmong among = new TipsAmong(tips);
    for (BlobId blob : scan.matched()) {
      List<Provenance.GitBlob> at = located.places(blob);
      GitSpread spread = located.spread(blob);
      if (at.isEmpty() || spread == null) {
        continue; // a message, or a blob met outside commits: read again (see reread)
      }
      ObjectId id = ObjectId.fromString(blob.hex());
      List<HistorySummary.Place> places = new ArrayList<>();
      at.forEach(p -> places.add(new HistorySummary.Place(id, p.commit(), p.path())));
      targets.add(
          new HistorySummary.Target(
              id,
              places,
              spread.commits(),
              refSets.computeIfAbsent(spread.refs(), among::of),
              spread.atDefaultTip(),
              spread.leftDefaultTip()));
    }
    return targets;
  }

  /** Blobs not read (unreadable), and matched blobs met outside commits: read on every scan. */
  private static List<HistorySummary.Place> reread(Scan scan) {
    List<HistorySummary.Place> reread = new ArrayList<>();
    BlobTable blobs = scan.places().blobs();
    for (int i = 0; i < blobs.size(); i++) {
      ObjectId id = blobs.id(i);
      boolean outside = scan.places().outsideCommits(id);
      if (!scan.accepted()[i] || (outside && scan.matchedIds().contains(id))) {
        Provenance where = scan.places().provenance(i);
        reread.add(
            new HistorySummary.Place(
                id, where instanceof Provenance.GitBlob git ? git.commit() : null, where(where)));
      }
    }
    IdTable direct = scan.places().directBlobs();
    for (int i = 0; i < direct.size(); i++) {
      reread.add(new HistorySummary.Place(direct.get(i), null, ""));
    }
    return reread;
  }

  private static String where(Provenance provenance) {
    return provenance instanceof Provenance.GitBlob git ? git.path() : "";
  }

  private static List<ObjectId> messageCommits(Scan scan) {
    List<ObjectId> commits = new ArrayList<>();
    for (int commit : scan.listing().order()) {
      ObjectId message = scan.index().message(commit);
      if (scan.matchedIds().contains(message)) {
        commits.add(scan.index().id(commit));
      }
    }
    return commits;
  }
}

package dev.rekey.scanner.pipeline;

import dev.rekey.detectors.Detector;
import dev.rekey.detectors.KeywordHits;
import dev.rekey.detectors.KeywordScanner;
import dev.rekey.detectors.LineIndex;
import dev.rekey.detectors.Match;
import dev.rekey.detectors.Rule;
import dev.rekey.scanner.model.Blob;
import dev.rekey.scanner.model.BlobId;
import dev.rekey.scanner.model.GitSpread;
import dev.rekey.scanner.model.MatchSite;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.model.Provenance;
import dev.rekey.scanner.model.ScanResult;
import dev.rekey.scanner.model.ScanStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * The pipeline's {@link HistorySink}: scans each unique blob once on the pushing thread, keeps the
 * matches (with their lines and columns, computed while the bytes are at hand) and every place a
 * matching blob was seen, and forgets clean blobs but for their ids, kept in a compact set.
 */
final class DetectingSink implements HistorySink {
  private final Detector detector;
  private final ScanSettings settings;
  private final ScanProgress progress;
  private final @Nullable KeywordScanner keywords;
  private final BlobIdSet clean = new BlobIdSet();
  private final Map<BlobId, Entry> entries = new ConcurrentHashMap<>();
  private final Queue<Problem> problems = new ConcurrentLinkedQueue<>();
  private final LongAdder blobs = new LongAdder();
  private final LongAdder bytes = new LongAdder();
  private final LongAdder skipped = new LongAdder();
  private final LongAdder commits = new LongAdder();
  private final LongAdder refs = new LongAdder();
  private volatile @Nullable Map<String, Rule> rules;

  DetectingSink(Detector detector, ScanSettings settings, ScanProgress progress) {
    this.detector = detector;
    this.settings = settings;
    this.progress = progress;
    this.keywords = settings.deltaProof() ? detector.keywordScanner() : null;
  }

  @Override
  public boolean needs(BlobId id) {
    return !clean.contains(id) && !entries.containsKey(id);
  }

  @Override
  public @Nullable KeywordScanner keywordScanner() {
    return keywords;
  }

  @Override
  public void accept(Blob blob, Provenance provenance) {
    scanOnce(blob, provenance, null);
  }

  @Override
  public void accept(Blob blob, Provenance provenance, KeywordHits hits) {
    scanOnce(blob, provenance, keywords == null ? null : hits);
  }

  /** Scans a blob unless it was scanned already; {@code hits} are its keyword occurrences. */
  private void scanOnce(Blob blob, Provenance provenance, @Nullable KeywordHits hits) {
    BlobId id = blob.id();
    if (clean.contains(id)) {
      return;
    }
    Entry entry = entries.computeIfAbsent(id, key -> new Entry());
    entry.provenances.add(provenance);
    if (!entry.claimed.compareAndSet(false, true)) {
      return;
    }
    if (clean.contains(id)) {
      entries.remove(id, entry); // another thread finished it between the two looks
      return;
    }
    progress.done(blob.bytes().length);
    entry.path = provenance.path();
    List<BlobMatch> found = scan(blob, provenance, hits);
    if (found.isEmpty()) {
      clean.add(id);
      entries.remove(id, entry);
    } else {
      entry.hits = found;
    }
  }

  /** The matches in {@code blob}, or none when it is clean or skipped. */
  private List<BlobMatch> scan(
      Blob blob, Provenance provenance, @Nullable KeywordHits keywordHits) {
    String where = describe(provenance, blob.id());
    if (blob.bytes().length > settings.maxBlobBytes()) {
      problem(
          Problem.skipped(
              where,
              "larger than the size limit ("
                  + blob.bytes().length
                  + " bytes); raise --max-file-size to scan it"));
      return List.of();
    }
    if (Binary.looksBinary(blob.bytes())) {
      problem(Problem.skipped(where, "binary content"));
      return List.of();
    }
    List<Match> matches = detector.detect(blob.bytes(), provenance.path(), keywordHits);
    blobs.increment();
    bytes.add(blob.bytes().length);
    if (matches.isEmpty()) {
      return List.of();
    }
    LineIndex lines = LineIndex.of(blob.bytes());
    List<Match> masked = masked(matches, detector.withheld(blob.bytes()));
    List<BlobMatch> hits = new ArrayList<>(matches.size());
    for (Match match : matches) {
      hits.add(new BlobMatch(match, MatchSite.of(blob.bytes(), lines, match, masked)));
      Match.Span companion = match.companionAt();
      if (companion != null) {
        hits.add(new BlobMatch(match, MatchSite.companionAt(lines, companion.start())));
      }
    }
    return List.copyOf(hits);
  }

  /** What an excerpt masks: the reported matches and the withheld ones, in order of position. */
  private static List<Match> masked(List<Match> reported, List<Match> withheld) {
    if (withheld.isEmpty()) {
      return reported;
    }
    List<Match> all = new ArrayList<>(reported);
    all.addAll(withheld);
    all.sort(Comparator.comparingInt(Match::start));
    return all;
  }

  @Override
  public boolean acceptMatches(BlobId id, Provenance provenance, List<BlobMatch> matches) {
    if (matches.isEmpty() || clean.contains(id)) {
      return false;
    }
    Entry entry = entries.computeIfAbsent(id, key -> new Entry());
    entry.provenances.add(provenance);
    if (entry.claimed.compareAndSet(false, true)) {
      entry.path = provenance.path();
      entry.hits = List.copyOf(matches);
    }
    return true;
  }

  @Override
  public @Nullable Rule rule(String id) {
    Map<String, Rule> byId = rules;
    if (byId == null) {
      byId = new HashMap<>();
      for (Rule rule : detector.rules()) {
        byId.putIfAbsent(rule.id(), rule);
      }
      rules = byId;
    }
    return byId.get(id);
  }

  @Override
  public BlobMatch.@Nullable Scanned matches(BlobId id) {
    Entry entry = entries.get(id);
    String path = entry == null ? null : entry.path;
    if (entry == null || entry.hits.isEmpty() || path == null) {
      return null;
    }
    if (!detector.exhausted().isEmpty()) {
      return null; // a rule gave up on some content: what it found there may not be all
    }
    for (BlobMatch hit : entry.hits) {
      if (rule(hit.match().rule().id()) != hit.match().rule()) {
        return null; // a rule the detector does not name by this id: nothing to find it by later
      }
    }
    return new BlobMatch.Scanned(path, entry.hits);
  }

  @Override
  public void alsoAt(BlobId id, Provenance provenance) {
    Entry entry = entries.get(id);
    if (entry != null) {
      entry.provenances.add(provenance);
    }
  }

  @Override
  public void spread(BlobId id, GitSpread spread) {
    Entry entry = entries.get(id);
    if (entry != null) {
      synchronized (entry) {
        GitSpread known = entry.spread;
        entry.spread = known == null ? spread : known.merge(spread);
      }
    }
  }

  @Override
  public void listed(long commitCount, long refCount) {
    commits.add(commitCount);
    refs.add(refCount);
  }

  @Override
  public void problem(Problem problem) {
    problems.add(problem);
    if (problem.kind() == Problem.Kind.SKIPPED) {
      skipped.increment();
    }
  }

  @Override
  public void expect(long count) {
    progress.expect(count);
  }

  /** The blobs that held at least one match. Call after every source has scanned. */
  Set<BlobId> matched() {
    Set<BlobId> matched = new HashSet<>();
    entries.forEach(
        (id, entry) -> {
          if (!entry.hits.isEmpty()) {
            matched.add(id);
          }
        });
    return Set.copyOf(matched);
  }

  /** Groups what was found into findings. Call after every source has finished. */
  ScanResult result(Duration elapsed) {
    FindingGrouper grouper = new FindingGrouper();
    for (Entry entry : entries.values()) {
      if (!entry.hits.isEmpty()) {
        List<Provenance> seenAt = List.copyOf(entry.provenances);
        for (BlobMatch hit : entry.hits) {
          grouper.add(hit.match(), seenAt, hit.site(), entry.spread);
        }
      }
    }
    detector
        .exhausted()
        .forEach(
            (rule, count) ->
                problems.add(
                    Problem.error(
                        "rule " + rule,
                        "gave up on "
                            + count
                            + (count == 1 ? " blob" : " blobs")
                            + ": its pattern took too many matching steps (catastrophic"
                            + " backtracking), so that content was not fully searched by it;"
                            + " simplify the pattern (no nested repetition such as (.*a){25})")));
    ScanStats stats =
        new ScanStats(blobs.sum(), bytes.sum(), skipped.sum(), elapsed, commits.sum(), refs.sum());
    return new ScanResult(grouper.findings(), stats, List.copyOf(problems));
  }

  private static String describe(Provenance provenance, BlobId id) {
    String path = provenance.path();
    return path != null ? path : id.hex();
  }

  /** A blob being scanned, or one that held matches. */
  private static final class Entry {
    final AtomicBoolean claimed = new AtomicBoolean();
    final Queue<Provenance> provenances = new ConcurrentLinkedQueue<>();
    volatile List<BlobMatch> hits = List.of();
    volatile @Nullable String path;
    volatile @Nullable GitSpread spread;
  }
}

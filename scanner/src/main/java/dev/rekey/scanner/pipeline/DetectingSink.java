package dev.rekey.scanner.pipeline;

import dev.rekey.detectors.Detector;
import dev.rekey.detectors.LineIndex;
import dev.rekey.detectors.Match;
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
  private final @Nullable KeywordSet keywords;
  private final BlobIdSet clean = new BlobIdSet();
  private final Map<BlobId, Entry> entries = new ConcurrentHashMap<>();
  private final Queue<Problem> problems = new ConcurrentLinkedQueue<>();
  private final LongAdder blobs = new LongAdder();
  private final LongAdder bytes = new LongAdder();
  private final LongAdder skipped = new LongAdder();

  DetectingSink(Detector detector, ScanSettings settings, ScanProgress progress) {
    this.detector = detector;
    this.settings = settings;
    this.progress = progress;
    this.keywords = settings.deltaProof() ? KeywordSet.of(detector) : null;
  }

  @Override
  public boolean needs(BlobId id) {
    return !clean.contains(id) && !entries.containsKey(id);
  }

  @Override
  public @Nullable KeywordSet keywords() {
    return keywords;
  }

  @Override
  public void accept(Blob blob, Provenance provenance) {
    accept(blob, provenance, false);
  }

  @Override
  public void acceptKeywordFree(Blob blob, Provenance provenance) {
    accept(blob, provenance, keywords != null);
  }

  private void accept(Blob blob, Provenance provenance, boolean keywordFree) {
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
    List<Hit> hits = scan(blob, provenance, keywordFree);
    if (hits.isEmpty()) {
      clean.add(id);
      entries.remove(id, entry);
    } else {
      entry.hits = hits;
    }
  }

  /** The matches in {@code blob}, or none when it is clean or skipped. */
  private List<Hit> scan(Blob blob, Provenance provenance, boolean keywordFree) {
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
    List<Match> matches = detect(blob, provenance.path(), keywordFree);
    blobs.increment();
    bytes.add(blob.bytes().length);
    if (matches.isEmpty()) {
      return List.of();
    }
    LineIndex lines = LineIndex.of(blob.bytes());
    List<Hit> hits = new ArrayList<>(matches.size());
    for (Match match : matches) {
      hits.add(new Hit(match, MatchSite.of(blob.bytes(), lines, match, matches)));
      Match.Span companion = match.companionAt();
      if (companion != null) {
        hits.add(new Hit(match, MatchSite.companionAt(lines, companion.start())));
      }
    }
    return List.copyOf(hits);
  }

  /**
   * The matches in {@code blob} seen at {@code path}: none when it is proven to hold no keyword,
   * unless a file-named rule reads files at that path.
   */
  private List<Match> detect(Blob blob, @Nullable String path, boolean keywordFree) {
    if (path != null && detector.readsFile(path)) {
      return detector.detect(blob.bytes(), path);
    }
    return keywordFree ? List.of() : detector.detect(blob.bytes());
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
        for (Hit hit : entry.hits) {
          grouper.add(hit.match(), seenAt, hit.site(), entry.spread);
        }
      }
    }
    ScanStats stats = new ScanStats(blobs.sum(), bytes.sum(), skipped.sum(), elapsed);
    return new ScanResult(grouper.findings(), stats, List.copyOf(problems));
  }

  private static String describe(Provenance provenance, BlobId id) {
    String path = provenance.path();
    return path != null ? path : id.hex();
  }

  /** A match with its site, computed while the blob's bytes were at hand. */
  record Hit(Match match, MatchSite site) {}

  /** A blob being scanned, or one that held matches. */
  private static final class Entry {
    final AtomicBoolean claimed = new AtomicBoolean();
    final Queue<Provenance> provenances = new ConcurrentLinkedQueue<>();
    volatile List<Hit> hits = List.of();
    volatile @Nullable GitSpread spread;
  }
}

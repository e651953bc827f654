package dev.rekey.scanner;

import dev.rekey.detectors.Detector;
import dev.rekey.detectors.LineIndex;
import dev.rekey.detectors.Match;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The pipeline's {@link BlobSink}: scans each unique blob once on the pushing thread, keeps the
 * matches (with their lines and columns, computed while the bytes are at hand) and every place a
 * matching blob was seen, and forgets clean blobs but for their ids.
 */
final class Collector implements BlobSink {
  /** Marks a blob that was scanned and held nothing. */
  private static final Object CLEAN = new Object();

  private final Detector detector;
  private final ScanSettings settings;
  private final Map<BlobId, Object> entries = new ConcurrentHashMap<>();
  private final Queue<Problem> problems = new ConcurrentLinkedQueue<>();
  private final LongAdder blobs = new LongAdder();
  private final LongAdder bytes = new LongAdder();
  private final LongAdder skipped = new LongAdder();

  Collector(Detector detector, ScanSettings settings) {
    this.detector = detector;
    this.settings = settings;
  }

  @Override
  public boolean needs(BlobId id) {
    return !entries.containsKey(id);
  }

  @Override
  public void accept(Blob blob, Provenance provenance) {
    Object value = entries.computeIfAbsent(blob.id(), id -> new Entry());
    if (!(value instanceof Entry entry)) {
      return;
    }
    entry.provenances.add(provenance);
    if (!entry.claimed.compareAndSet(false, true)) {
      return;
    }
    String where = describe(provenance, blob.id());
    if (blob.bytes().length > settings.maxBlobBytes()) {
      skip(
          blob.id(),
          Problem.skipped(
              where,
              "larger than the size limit ("
                  + blob.bytes().length
                  + " bytes); raise --max-file-size to scan it"));
      return;
    }
    if (Binary.looksBinary(blob.bytes())) {
      skip(blob.id(), Problem.skipped(where, "binary content"));
      return;
    }
    List<Match> matches = detector.detect(blob.bytes());
    blobs.increment();
    bytes.add(blob.bytes().length);
    if (matches.isEmpty()) {
      entries.put(blob.id(), CLEAN);
      return;
    }
    LineIndex lines = LineIndex.of(blob.bytes());
    List<Hit> hits = new ArrayList<>(matches.size());
    for (Match match : matches) {
      hits.add(new Hit(match, MatchSite.of(blob.bytes(), lines, match, matches)));
    }
    entry.hits = List.copyOf(hits);
  }

  @Override
  public void alsoAt(BlobId id, Provenance provenance) {
    if (entries.computeIfAbsent(id, key -> new Entry()) instanceof Entry entry) {
      entry.provenances.add(provenance);
    }
  }

  @Override
  public void problem(Problem problem) {
    problems.add(problem);
    if (problem.kind() == Problem.Kind.SKIPPED) {
      skipped.increment();
    }
  }

  /** Records a blob that was seen but not scanned, so it is neither rescanned nor reported. */
  private void skip(BlobId id, Problem problem) {
    entries.put(id, CLEAN);
    problem(problem);
  }

  /** Groups what was found into findings. Call after every source has finished. */
  ScanResult result(Duration elapsed) {
    FindingGrouper grouper = new FindingGrouper();
    for (Object value : entries.values()) {
      if (value instanceof Entry entry && !entry.hits.isEmpty()) {
        List<Provenance> seenAt = List.copyOf(entry.provenances);
        for (Hit hit : entry.hits) {
          grouper.add(hit.match(), seenAt, hit.site());
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

  private static final class Entry {
    final AtomicBoolean claimed = new AtomicBoolean();
    final Queue<Provenance> provenances = new ConcurrentLinkedQueue<>();
    volatile List<Hit> hits = List.of();
  }
}

package dev.rekey.scanner.git;

import dev.rekey.detectors.Match;
import dev.rekey.detectors.Rule;
import dev.rekey.detectors.SecretValue;
import dev.rekey.detectors.Severity;
import dev.rekey.scanner.model.MatchSite;
import dev.rekey.scanner.model.Snippet;
import dev.rekey.scanner.pipeline.BlobMatch;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.jgit.lib.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * What the blobs that held a match held, kept beside the {@link HistorySummary} so that a repeat
 * scan reports their findings without reading those blobs again: on a long history they are large
 * files read at every repeat otherwise (angular-cli: 1,349 blobs, 708 MB). A blob's matches are
 * what its scan as the file at one path found (a file's name decides what some rules read), under
 * the rules and settings of {@code key}; a repeat takes them only for the same blob at the same
 * path, and reads the blob otherwise.
 *
 * <p>The file holds the secrets found, as the repository they were found in does: it lives in the
 * user's cache folder, readable by the user only, never in the repository; one that fails its
 * checksum or was written for another key or repository is ignored.
 */
final class KeptMatches {
  /** The name of the file in a repository's cache folder. */
  static final String FILE_NAME = "matched-blobs";

  private static final byte[] MAGIC = "REKEYKM1".getBytes(StandardCharsets.US_ASCII);

  /** No matches kept. */
  static final KeptMatches NONE = new KeptMatches(Map.of());

  private final Map<ObjectId, BlobMatch.Scanned> byBlob;

  private KeptMatches(Map<ObjectId, BlobMatch.Scanned> byBlob) {
    this.byBlob = byBlob;
  }

  /** The matches kept in {@code file}; none when it is missing, damaged or another's. */
  static KeptMatches read(
      Path file, String key, String gitDir, Function<String, @Nullable Rule> rules) {
    try {
      ByteBuffer in = HistorySummary.body(Files.readAllBytes(file), MAGIC, key, gitDir);
      if (in == null) {
        return NONE;
      }
      Map<ObjectId, BlobMatch.Scanned> byBlob = new HashMap<>();
      for (int i = HistorySummary.count(in); i > 0; i--) {
        ObjectId blob = HistorySummary.id(in);
        String path = HistorySummary.string(in);
        List<BlobMatch> matches = new ArrayList<>();
        boolean known = true;
        for (int m = HistorySummary.count(in); m > 0; m--) {
          BlobMatch match = match(in, rules);
          known &= match != null;
          matches.add(match);
        }
        if (known && !matches.isEmpty()) {
          byBlob.put(blob, new BlobMatch.Scanned(path, matches));
        }
      }
      return in.hasRemaining() ? NONE : new KeptMatches(byBlob);
    } catch (IOException | RuntimeException e) {
      return NONE; // none yet, or not one we wrote: the blobs are read
    }
  }

  /** The matches kept for {@code blob} scanned as the file at {@code path}, or null. */
  @Nullable List<BlobMatch> of(ObjectId blob, String path) {
    BlobMatch.Scanned kept = byBlob.get(blob);
    return kept != null && kept.path().equals(path) ? kept.matches() : null;
  }

  /** Whether {@code blobs} are exactly the ones kept, with the same matches. */
  boolean same(Map<ObjectId, BlobMatch.Scanned> blobs) {
    return byBlob.equals(blobs);
  }

  /**
   * Writes the matches of {@code blobs} (atomically, readable by the user only).
   *
   * @throws IOException when it cannot be written
   */
  static void write(Path file, String key, String gitDir, Map<ObjectId, BlobMatch.Scanned> blobs)
      throws IOException {
    IndexWriter out = new IndexWriter(MAGIC);
    out.string(key);
    out.string(gitDir);
    out.putInt(blobs.size());
    blobs.forEach(
        (blob, scanned) -> {
          out.id(blob);
          out.string(scanned.path());
          out.putInt(scanned.matches().size());
          scanned.matches().forEach(match -> write(out, match));
        });
    out.writeTo(file);
  }

  private static void write(IndexWriter out, BlobMatch found) {
    Match match = found.match();
    out.string(match.rule().id());
    out.putInt(match.start());
    out.putInt(match.end());
    out.string(match.secret().reveal());
    out.putInt(match.secret().publicPrefix());
    out.putInt(match.severity().ordinal());
    out.putInt(match.facts().size());
    match
        .facts()
        .forEach(
            (name, value) -> {
              out.string(name);
              out.string(value);
            });
    Match.Span companion = match.companionAt();
    out.put((byte) (companion == null ? 0 : 1));
    if (companion != null) {
      out.putInt(companion.start());
      out.putInt(companion.end());
    }
    MatchSite site = found.site();
    out.putInt(site.line());
    out.putInt(site.column());
    out.putInt(site.utf16Column());
    Snippet snippet = site.snippet();
    out.put((byte) (snippet == null ? 0 : 1));
    if (snippet != null) {
      out.string(snippet.before());
      out.string(snippet.after());
    }
    out.put((byte) ((site.browserEnv() ? 1 : 0) | (site.companion() ? 2 : 0)));
  }

  /** The match written by {@link #write(IndexWriter, BlobMatch)}; null when its rule is gone. */
  private static @Nullable BlobMatch match(ByteBuffer in, Function<String, @Nullable Rule> rules) {
    Rule rule = rules.apply(HistorySummary.string(in));
    int start = in.getInt();
    int end = in.getInt();
    String secret = HistorySummary.string(in);
    SecretValue value = SecretValue.of(secret, in.getInt());
    Severity severity = Severity.values()[in.getInt()];
    Map<String, String> facts = new LinkedHashMap<>();
    for (int f = HistorySummary.count(in); f > 0; f--) {
      facts.put(HistorySummary.string(in), HistorySummary.string(in));
    }
    Match.Span companion = in.get() == 0 ? null : new Match.Span(in.getInt(), in.getInt());
    int line = in.getInt();
    int column = in.getInt();
    int utf16Column = in.getInt();
    Snippet snippet =
        in.get() == 0 ? null : new Snippet(HistorySummary.string(in), HistorySummary.string(in));
    byte flags = in.get();
    if (rule == null) {
      return null;
    }
    return new BlobMatch(
        new Match(rule, start, end, value, severity, facts, companion),
        new MatchSite(line, column, utf16Column, snippet, (flags & 1) != 0, (flags & 2) != 0));
  }
}

package dev.rekey.detectors;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Finds secrets in content. Implementations are thread-safe and pure. */
public interface Detector {

  /** Every secret in {@code content}, in order of position. The array is not modified. */
  List<Match> detect(byte[] content);

  /** The rules this detector applies. */
  List<Rule> rules();

  /**
   * Every literal whose occurrence (ignoring ASCII case) makes this detector look at the text
   * around it, so that content holding none of them yields no match but a file-named rule's (see
   * {@link #detect(byte[], String, KeywordHits)}). Empty when the detector cannot say, which proves
   * nothing.
   */
  Set<String> triggers();

  /**
   * Secrets in {@code content} that this detector finds but does not report — a disabled rule's, an
   * allowlisted value — so that an excerpt around a reported secret masks them instead of showing
   * them. Asked only of content that holds a reported secret.
   */
  default List<Match> withheld(byte[] content) {
    return List.of();
  }

  /**
   * The rules that gave up on some content because their pattern took too many matching steps
   * (catastrophic backtracking), by id, with how many pieces of content each gave up on. That
   * content was not fully searched by them.
   */
  default Map<String, Long> exhausted() {
    return Map.of();
  }

  /**
   * The keyword pass this detector's matching starts from, for sources that can find keyword
   * occurrences more cheaply than a pass over the content (see {@link KeywordHits}); null when the
   * detector does not work from keywords.
   */
  default @Nullable KeywordScanner keywordScanner() {
    return null;
  }

  /**
   * Every secret in {@code content}, the content of a file at {@code path} ({@code /}-separated,
   * relative to what is scanned; null when it is not a file, e.g. a commit message): the matches of
   * {@link #detect(byte[])} and what the rules that read files by name find there. {@code hits} are
   * where the keywords occur, as {@link #keywordScanner()} finds them, or null when not known; none
   * at all proves that no keyword rule matches, but a file-named rule still reads the content.
   */
  default List<Match> detect(byte[] content, @Nullable String path, @Nullable KeywordHits hits) {
    return detect(content);
  }
}

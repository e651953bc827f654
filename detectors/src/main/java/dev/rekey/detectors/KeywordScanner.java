package dev.rekey.detectors;

import java.util.List;

/**
 * The keyword pass of an {@link Engine}, for a source that finds keyword occurrences itself (see
 * {@link KeywordHits}): scans stretches of content, and tells each keyword's length.
 */
public final class KeywordScanner {
  private final KeywordAutomaton automaton;
  private final List<String> keywords;
  private final int longest;

  KeywordScanner(KeywordAutomaton automaton, List<String> keywords) {
    this.automaton = automaton;
    this.keywords = List.copyOf(keywords);
    this.longest = automaton.longest();
  }

  /** The keywords, in the numbering of {@link KeywordHits#keyword}. */
  public List<String> keywords() {
    return keywords;
  }

  /** The length in bytes of keyword {@code keyword}. */
  public int length(int keyword) {
    return automaton.length(keyword);
  }

  /** The length in bytes of the longest keyword. */
  public int longest() {
    return longest;
  }

  /** Receives occurrences, in the order a pass meets them. */
  @FunctionalInterface
  public interface Occurrence {
    /**
     * @param keyword the keyword's number
     * @param end the offset just past its last byte
     */
    void at(int keyword, int end);
  }

  /** Reports every occurrence lying wholly in {@code content[from, to)}. */
  public void scan(byte[] content, int from, int to, Occurrence each) {
    automaton.scan(content, from, to, each);
  }

  /**
   * Reports every occurrence that starts in {@code content[from, at)} and ends after {@code at}:
   * those straddling {@code at}, found by looking at only a few bytes around it.
   */
  public void crossing(byte[] content, int at, int from, Occurrence each) {
    automaton.crossing(content, at, from, each);
  }

  /** Adds every occurrence lying wholly in {@code content[from, to)} to {@code hits}. */
  public void scan(byte[] content, int from, int to, KeywordHits.Builder hits) {
    automaton.scan(content, from, to, (keyword, end) -> hits.add(keyword, length(keyword), end));
  }

  /** Every occurrence in {@code content}. */
  public KeywordHits scan(byte[] content) {
    KeywordHits.Builder hits = new KeywordHits.Builder();
    scan(content, 0, content.length, hits);
    return hits.sorted();
  }

  /** The occurrences gathered, in the order a pass over the content meets them. */
  public KeywordHits ordered(KeywordHits.Builder hits) {
    return hits.sorted();
  }
}

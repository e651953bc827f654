package dev.rekey.detectors.rules;

import dev.rekey.detectors.ByteText;
import dev.rekey.detectors.Candidate;
import dev.rekey.detectors.Check;
import dev.rekey.detectors.Verdict;
import java.util.List;
import java.util.Locale;

/**
 * Accepts a candidate only when one of some words occurs near it (case-insensitively): how a
 * Firebase web {@code apiKey} is told from other Google API keys of the same shape.
 */
final class NearbyCheck implements Check {
  private final int reach;
  private final List<String> words;

  NearbyCheck(int reach, String... words) {
    this.reach = reach;
    this.words = List.of(words);
  }

  @Override
  public Verdict judge(Candidate candidate) {
    return near(candidate, reach, words)
        ? Verdict.accept(candidate.rule().severity())
        : Verdict.reject("no context word nearby");
  }

  /** Whether one of {@code words} occurs within {@code reach} bytes of the candidate. */
  static boolean near(Candidate candidate, int reach, List<String> words) {
    ByteText text = candidate.text();
    int from = Math.max(0, candidate.start() - reach);
    int to = Math.min(text.length(), candidate.end() + reach);
    String around = text.subSequence(from, to).toString().toLowerCase(Locale.ROOT);
    return words.stream().anyMatch(around::contains);
  }
}

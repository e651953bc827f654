package dev.rekey.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The keyword pass finds every occurrence, in the order of their ends (issue 14). */
class KeywordAutomatonTest {
  private static final List<String> KEYWORDS =
      List.of("pass", "password", "pwd", "sk_live_", "ghp_", "://", "token", "ok", "secret");

  @Test
  void findsWhatAComparisonAtEveryPlaceFinds() {
    KeywordAutomaton automaton = new KeywordAutomaton(KEYWORDS);
    Random random = new Random(14);
    String alphabet = "pPaAsSwWoOrRdD_kKlLiIvVeEgGhH:/tTnNcC \n\"'=x";
    for (int round = 0; round < 300; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(3) == 0 ? random.nextInt(40) : 200 + random.nextInt(3_000);
      while (text.length() < length) {
        if (random.nextInt(12) == 0) {
          String keyword = KEYWORDS.get(random.nextInt(KEYWORDS.size()));
          text.append(random.nextBoolean() ? keyword : keyword.toUpperCase(Locale.ROOT));
        } else {
          text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      byte[] data = text.toString().getBytes(StandardCharsets.ISO_8859_1);
      int from = data.length == 0 ? 0 : random.nextInt(Math.min(data.length, 50) + 1);
      int to = from + random.nextInt(data.length - from + 1);
      List<String> found = new ArrayList<>();
      automaton.scan(data, from, to, (keyword, end) -> found.add(keyword + "@" + end));
      assertThat(found).as("round %d", round).isEqualTo(everyOccurrence(data, from, to));
    }
  }

  @Test
  void keywordsOfOneAndTwoBytesAreFound() {
    KeywordAutomaton automaton = new KeywordAutomaton(List.of("a=", "x"));
    byte[] data =
        ("x".repeat(5) + "b".repeat(600) + "A=" + "b".repeat(300) + "X")
            .getBytes(StandardCharsets.ISO_8859_1);
    List<String> found = new ArrayList<>();
    automaton.scan(data, 0, data.length, (keyword, end) -> found.add(keyword + "@" + end));
    assertThat(found).isEqualTo(everyOccurrence(data, 0, data.length, List.of("a=", "x")));
  }

  private static List<String> everyOccurrence(byte[] data, int from, int to) {
    return everyOccurrence(data, from, to, KEYWORDS);
  }

  /** Every occurrence, by end offset and then longest first, as the automaton reports them. */
  private static List<String> everyOccurrence(
      byte[] data, int from, int to, List<String> keywords) {
    String text = new String(data, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    List<String> found = new ArrayList<>();
    for (int end = from + 1; end <= to; end++) {
      List<Integer> here = new ArrayList<>();
      for (int k = 0; k < keywords.size(); k++) {
        int start = end - keywords.get(k).length();
        if (start >= from && text.startsWith(keywords.get(k), start)) {
          here.add(k);
        }
      }
      here.sort((a, b) -> keywords.get(b).length() - keywords.get(a).length());
      for (int k : here) {
        found.add(k + "@" + end);
      }
    }
    return found;
  }
}

package dev.rekey.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Finding occurrences by offset from a known earlier one, as a delta's copied runs do (issue 14).
 */
class KeywordHitsTest {
  @Test
  void searchingFromAnyOccurrenceFindsWhatAWholeSearchFinds() {
    Random random = new Random(14);
    for (int round = 0; round < 200; round++) {
      KeywordHits.Builder builder = new KeywordHits.Builder();
      int n = random.nextInt(300);
      for (int i = 0; i < n; i++) {
        builder.add(random.nextInt(5), 3 + random.nextInt(4), random.nextInt(2_000));
      }
      KeywordHits hits = builder.sorted();
      for (int probe = 0; probe < 100; probe++) {
        int offset = random.nextInt(2_100) - 50;
        int answer = hits.firstEndingAfter(offset);
        int linear = 0;
        while (linear < hits.count() && hits.end(linear) <= offset) {
          linear++;
        }
        assertThat(answer).isEqualTo(linear);
        int from = answer == 0 ? 0 : random.nextInt(answer + 1);
        assertThat(hits.firstEndingAfter(offset, from)).isEqualTo(answer);
        int near = random.nextInt(hits.count() + 3) - 1;
        assertThat(hits.firstEndingAfter(offset, near)).isEqualTo(answer);
        assertThat(answer == hits.count() || hits.end(answer) > offset).isTrue();
        assertThat(answer == 0 || hits.end(answer - 1) <= offset).isTrue();
      }
    }
  }

  @Test
  void occurrencesAddedOutOfOrderAreSorted() {
    KeywordHits.Builder builder = new KeywordHits.Builder();
    builder.add(1, 4, 40);
    builder.add(2, 3, 10);
    builder.add(0, 5, 40);
    KeywordHits hits = builder.sorted();
    assertThat(new int[] {hits.end(0), hits.end(1), hits.end(2)}).containsExactly(10, 40, 40);
    assertThat(hits.keyword(1)).isEqualTo(0); // the longer keyword first at one end
  }
}

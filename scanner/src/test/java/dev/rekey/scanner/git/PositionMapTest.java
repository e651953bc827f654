package dev.rekey.scanner.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Sets of tips move to another numbering a word at a time (issue 14: a repeat scan of rails moved
 * thousands of 52k-tip sets a bit at a time), and land exactly where a look-up per position puts
 * them.
 */
class PositionMapTest {

  private static BitSet naive(int[] to, BitSet set) {
    BitSet out = new BitSet();
    for (int i = 0; i < to.length; i++) {
      if (to[i] >= 0 && set.get(i)) {
        out.set(to[i]);
      }
    }
    return out;
  }

  /**
   * {@code map} moves random sets of {@code size} positions, one per density, as {@link #naive}.
   */
  private static void assertMovesAsALookUp(
      PositionMap map, int[] to, Random random, int size, double... densities) {
    for (double density : densities) {
      BitSet set = random(random, size, density);
      assertThat(map.apply(set)).isEqualTo(naive(to, set));
    }
  }

  private static BitSet random(Random random, int size, double density) {
    BitSet set = new BitSet();
    for (int i = 0; i < size; i++) {
      if (random.nextDouble() < density) {
        set.set(i);
      }
    }
    return set;
  }

  @Test
  void numberingsThatDifferInAFewPlacesAreAFewRuns() {
    int[] to = new int[1000];
    for (int i = 0; i < to.length; i++) {
      to[i] = i < 300 ? i : i == 300 ? -1 : i < 900 ? i + 5 : i - 900; // a gap, a move
    }
    PositionMap map = PositionMap.of(to);
    assertThat(map.runCount()).isEqualTo(3);
    assertMovesAsALookUp(map, to, new Random(14), 1000, 0.001, 0.3, 0.99);
  }

  @Test
  void theSameNumberingCopiesTheSetAndDropsWhatItDoesNotName() {
    int[] to = {0, 1, 2, 3, 4};
    BitSet set = new BitSet();
    set.set(1);
    set.set(4);
    set.set(70); // past the numbering: goes nowhere
    BitSet moved = PositionMap.of(to).apply(set);
    assertThat(moved).isEqualTo(naive(to, set)).isNotSameAs(set);
    assertThat(PositionMap.of(new int[] {-1, -1}).apply(set).isEmpty()).isTrue();
  }

  @Test
  void tipsThatMovedAreDroppedInPlace() {
    int[] to = new int[52_000];
    for (int i = 0; i < to.length; i++) {
      to[i] = i % 9_999 == 7 ? -1 : i;
    }
    PositionMap map = PositionMap.of(to);
    assertMovesAsALookUp(map, to, new Random(5), 52_100, 0.01, 0.5, 1.0);
  }

  @Test
  void anyNumberingLandsWhereALookUpPerPositionDoes() {
    Random random = new Random(2026);
    for (int round = 0; round < 300; round++) {
      int size = 1 + random.nextInt(700);
      int[] to = new int[size];
      int at = random.nextInt(3);
      for (int i = 0; i < size; i++) {
        int shape = random.nextInt(40);
        if (shape == 0) {
          to[i] = -1; // a deleted tip
        } else if (shape == 1) {
          at += 1 + random.nextInt(90); // new tips in between, across words
          to[i] = at++;
        } else if (shape == 2) {
          to[i] = random.nextInt(size + 200); // out of order, maybe onto another
        } else {
          to[i] = at++;
        }
      }
      PositionMap map = PositionMap.of(to);
      for (double density : new double[] {0.01, 0.5, 1.0}) {
        BitSet set = random(random, size + random.nextInt(100), density);
        assertThat(map.apply(set)).as("round %d", round).isEqualTo(naive(to, set));
      }
    }
  }
}

package dev.rekey.scanner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CommitSetTest {
  private static CommitSet of(int... positions) {
    CommitSet.Builder builder = new CommitSet.Builder();
    for (int p : positions) {
      builder.add(p);
    }
    return builder.build();
  }

  private static BitSet bits(int... positions) {
    BitSet set = new BitSet();
    for (int p : positions) {
      set.set(p);
    }
    return set;
  }

  @Test
  void holdsConsecutivePositionsAsOneRun() {
    CommitSet set = of(3, 4, 5, 5, 9, 10, 160_000);
    assertThat(set.size()).isEqualTo(6);
    assertThat(set).hasToString("6 commits in 3 runs");
    assertThat(set.toBitSet()).isEqualTo(bits(3, 4, 5, 9, 10, 160_000));
    assertThat(set.stream().toArray()).containsExactly(3, 4, 5, 9, 10, 160_000);
    assertThat(set.contains(3)).isTrue();
    assertThat(set.contains(5)).isTrue();
    assertThat(set.contains(6)).isFalse();
    assertThat(set.contains(2)).isFalse();
    assertThat(set.contains(160_001)).isFalse();
  }

  @Test
  void equalsTheSameCommitsHoweverBuilt() {
    assertThat(of(1, 2, 7)).isEqualTo(CommitSet.of(bits(7, 2, 1))).hasSameHashCodeAs(of(1, 2, 7));
    assertThat(of(1, 2, 7)).isNotEqualTo(of(1, 2, 8));
    assertThat(of()).isSameAs(CommitSet.of()).isSameAs(CommitSet.of(new BitSet()));
  }

  @Test
  void unionMergesOverlappingAndTouchingRuns() {
    CommitSet a = of(1, 2, 3, 10, 11);
    CommitSet b = of(4, 5, 11, 12, 20);
    CommitSet union = a.union(b);
    assertThat(union).isEqualTo(CommitSet.of(bits(1, 2, 3, 4, 5, 10, 11, 12, 20)));
    assertThat(union).hasToString("9 commits in 3 runs");
    assertThat(b.union(a)).isEqualTo(union);
  }

  @Test
  void unionKeepsOneOfTheTwoWhenItHoldsEverything() {
    CommitSet big = of(1, 2, 3, 4);
    assertThat(big.union(of(2, 3))).isSameAs(big);
    assertThat(of(2, 3).union(big)).isSameAs(big);
    assertThat(big.union(CommitSet.of())).isSameAs(big);
    assertThat(CommitSet.of().union(big)).isSameAs(big);
  }

  @Test
  void unionOfManyIsTheirUnionOneByOne() {
    Random random = new Random(14);
    for (int count = 0; count <= 12; count++) {
      List<CommitSet> sets = new ArrayList<>();
      BitSet all = new BitSet();
      for (int i = 0; i < count; i++) {
        BitSet bits = new BitSet();
        for (int run = random.nextInt(6); run > 0; run--) {
          int start = random.nextInt(300);
          bits.set(start, start + 1 + random.nextInt(40));
        }
        sets.add(CommitSet.of(bits));
        all.or(bits);
      }
      CommitSet union = CommitSet.unionAll(sets);
      assertThat(union).isEqualTo(CommitSet.of(all));
      assertThat(union.size()).isEqualTo(all.cardinality());
    }
  }

  @Test
  void positionsOutOfOrderAreRefused() {
    CommitSet.Builder builder = new CommitSet.Builder().add(5);
    assertThatThrownBy(() -> builder.add(4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("position 4");
  }
}

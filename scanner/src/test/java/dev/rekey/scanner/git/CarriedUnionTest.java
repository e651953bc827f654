package dev.rekey.scanner.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

/** A merge carries the union of its parents' targets, sharing a parent's set when it can. */
class CarriedUnionTest {
  private final CarriedUnion union = new CarriedUnion();

  private static BitSet bits(int... targets) {
    BitSet set = new BitSet();
    for (int t : targets) {
      set.set(t);
    }
    return set;
  }

  @Test
  void aMergeOfABranchThatAddsNothingSharesTheFirstParentsSet() {
    BitSet main = bits(1, 2, 3);
    union.start().add(main);
    union.add(bits(2));
    union.add(new BitSet());
    union.add(null);
    assertThat(union.result()).isSameAs(main);
  }

  @Test
  void aParentHoldingEverythingTheOthersHoldIsShared() {
    BitSet feature = bits(1, 2, 3);
    union.start().add(bits(1));
    union.add(feature);
    assertThat(union.result()).isSameAs(feature);
  }

  @Test
  void onlyAMergeOfDifferentTargetsMakesANewSetAndLeavesItsParentsAlone() {
    BitSet left = bits(1, 2);
    BitSet right = bits(3);
    union.start().add(left);
    union.add(right);
    union.add(bits(4));
    assertThat(union.result()).isEqualTo(bits(1, 2, 3, 4)).isNotSameAs(left);
    assertThat(left).isEqualTo(bits(1, 2));
    assertThat(right).isEqualTo(bits(3));
    assertThat(union.start().result()).isNull();
  }
}

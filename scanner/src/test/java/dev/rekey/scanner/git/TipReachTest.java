package dev.rekey.scanner.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.scanner.model.RefNames;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Which refs reach each target, computed from tips grouped by the set their commits carry: the same
 * answer as asking every tip about every target, and work that follows the distinct sets, not refs
 * times targets (rails: 52k refs, 51k of them pull requests, and thousands of targets).
 */
class TipReachTest {

  @Test
  void everyTargetIsReachedFromTheTipsWhoseCommitsCarryIt() {
    Random random = new Random(14);
    for (int round = 0; round < 50; round++) {
      int targets = 1 + random.nextInt(40);
      List<BitSet> shared = new ArrayList<>();
      for (int s = 0; s < 1 + random.nextInt(6); s++) {
        shared.add(random(random, targets));
      }
      List<String> names = new ArrayList<>();
      List<BitSet> carried = new ArrayList<>();
      for (int i = 0; i < 1 + random.nextInt(300); i++) {
        names.add(random.nextInt(5) == 0 ? "refs/heads/b" + i : "refs/pull/" + i + "/head");
        int pick = random.nextInt(shared.size() + 2);
        // shared instances, fresh copies of the same sets, and tips carrying nothing
        carried.add(
            pick < shared.size()
                ? shared.get(pick)
                : pick == shared.size() ? random(random, targets) : null);
      }
      List<RefNames> reached = TipReach.refNames(names, carried::get, targets);
      for (int t = 0; t < targets; t++) {
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < names.size(); i++) {
          if (carried.get(i) != null && carried.get(i).get(t)) {
            expected.add(names.get(i));
          }
        }
        assertThat(new ArrayList<>(reached.get(t)))
            .as("target %d", t)
            .isEqualTo(List.copyOf(expected));
      }
    }
  }

  @Test
  void twentyThousandPullRequestsCostOneAnswerPerDistinctReach() {
    int targets = 5000;
    BitSet old = new BitSet();
    old.set(0, 4000);
    BitSet newer = (BitSet) old.clone();
    newer.set(4000, 5000);
    List<String> names = new ArrayList<>();
    List<BitSet> carried = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      names.add("refs/pull/" + i + "/head");
      carried.add(i % 3 == 0 ? newer : old); // pull requests branched before or after a secret
    }
    names.add("refs/heads/main");
    carried.add(newer);
    List<RefNames> reached = TipReach.refNames(names, carried::get, targets);
    Set<RefNames> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
    distinct.addAll(reached);
    assertThat(distinct).hasSize(2);
    assertThat(reached.get(0)).hasSize(20_001).contains("refs/heads/main");
    assertThat(reached.get(4999)).hasSize(6668).contains("refs/pull/0/head", "refs/heads/main");
  }

  private static BitSet random(Random random, int targets) {
    BitSet set = new BitSet();
    for (int t = 0; t < targets; t++) {
      if (random.nextBoolean()) {
        set.set(t);
      }
    }
    return set;
  }
}

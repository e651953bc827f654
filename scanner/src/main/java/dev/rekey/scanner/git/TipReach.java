package dev.rekey.scanner.git;

import dev.rekey.scanner.model.RefNames;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Which refs reach each located target. Targets reached from the same tips share one set of names:
 * on a history with tens of thousands of refs (rails has 52k), one set per target does not fit in
 * memory, and most targets are reached from the same tags.
 */
final class TipReach {
  private TipReach() {}

  /**
   * The ref names reaching each of {@code targets} targets.
   *
   * @param names the tips' ref names
   * @param carried for tip {@code i}, the targets its commit carries (null: none)
   */
  static List<RefNames> refNames(
      List<String> names, IntFunction<@Nullable BitSet> carried, int targets) {
    BitSet[] tipsOf = new BitSet[targets];
    for (int i = 0; i < names.size(); i++) {
      BitSet carries = carried.apply(i);
      int tip = i;
      if (carries != null) {
        carries.stream().forEach(t -> tipsOf[t] = with(tipsOf[t], tip));
      }
    }
    Map<BitSet, RefNames> shared = new HashMap<>();
    List<RefNames> refsOf = new ArrayList<>(targets);
    for (BitSet reached : tipsOf) {
      refsOf.add(
          shared.computeIfAbsent(
              reached == null ? new BitSet() : reached,
              tips -> RefNames.of(tips.stream().mapToObj(names::get).toList())));
    }
    return refsOf;
  }

  private static BitSet with(@Nullable BitSet bits, int index) {
    BitSet result = bits == null ? new BitSet() : bits;
    result.set(index);
    return result;
  }
}

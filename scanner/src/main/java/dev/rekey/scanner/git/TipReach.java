package dev.rekey.scanner.git;

import dev.rekey.scanner.model.RefCatalog;
import dev.rekey.scanner.model.RefNames;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Which refs reach each located target, as sets of one {@link RefCatalog} of the tips' names: a bit
 * per ref, and one instance for the targets reached from the same refs. On a history with tens of
 * thousands of refs (rails has 52k) a set of names per target does not fit in memory.
 */
@SuppressWarnings("JdkObsolete") // BitSet: compact sets of targets and of catalog positions
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
    RefCatalog catalog = RefCatalog.of(names);
    BitSet[] tipsOf = new BitSet[targets];
    for (int i = 0; i < names.size(); i++) {
      BitSet carries = carried.apply(i);
      int position = catalog.indexOf(names.get(i));
      if (carries != null) {
        carries.stream().forEach(t -> tipsOf[t] = with(tipsOf[t], position));
      }
    }
    List<RefNames> refsOf = new ArrayList<>(targets);
    for (BitSet reached : tipsOf) {
      refsOf.add(catalog.set(reached == null ? new BitSet() : reached));
    }
    return refsOf;
  }

  private static BitSet with(@Nullable BitSet bits, int index) {
    BitSet result = bits == null ? new BitSet() : bits;
    result.set(index);
    return result;
  }
}

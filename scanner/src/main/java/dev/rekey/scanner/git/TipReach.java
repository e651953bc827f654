package dev.rekey.scanner.git;

import dev.rekey.scanner.model.RefCatalog;
import dev.rekey.scanner.model.RefNames;
import dev.rekey.scanner.pipeline.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Which refs reach each located target, as sets of one {@link RefCatalog} of the tips' names: a bit
 * per ref, and one instance for the targets reached from the same refs. On a history with tens of
 * thousands of refs (rails has 52k) a set of names per target does not fit in memory.
 *
 * <p>The work does not grow with refs times targets: tips whose commits carry the same set of
 * targets (one instance, shared down the history until a commit adds a target) form one group;
 * targets carried by the same groups share one answer, built once from the groups' refs (or, when
 * they are most of the refs, from all of them less the other groups').
 */
@SuppressWarnings("JdkObsolete") // BitSet: compact sets of targets and of catalog positions
final class TipReach {
  /** Answers worth a second thread. */
  private static final int PARALLEL = 64;

  private TipReach() {}

  /**
   * The ref names reaching each of {@code targets} targets.
   *
   * @param names the tips' ref names
   * @param carried for tip {@code i}, the targets its commit carries (null: none); tips whose
   *     commits carry the same targets should share one instance
   */
  static List<RefNames> refNames(
      List<String> names, IntFunction<@Nullable BitSet> carried, int targets) {
    RefCatalog catalog = RefCatalog.of(names);
    int[] positions = catalog.positionsOf(names);
    Map<BitSet, Integer> groupOf = new IdentityHashMap<>();
    List<BitSet> groupCarries = new ArrayList<>();
    List<int[]> groupRefs = new ArrayList<>();
    int[] sizes = new int[0];
    for (int i = 0; i < names.size(); i++) {
      BitSet carries = carried.apply(i);
      if (carries == null || carries.isEmpty()) {
        continue;
      }
      Integer group = groupOf.get(carries);
      if (group == null) {
        group = groupCarries.size();
        groupOf.put(carries, group);
        groupCarries.add(carries);
        groupRefs.add(new int[4]);
        sizes = Arrays.copyOf(sizes, group + 1);
      }
      int[] refs = groupRefs.get(group);
      if (sizes[group] == refs.length) {
        refs = Arrays.copyOf(refs, refs.length * 2);
        groupRefs.set(group, refs);
      }
      refs[sizes[group]++] = positions[i];
    }
    long[][] groupsOf = groupsOf(groupCarries, targets);
    Groups groups = new Groups(catalog, groupRefs, sizes);
    Map<BitSet, Integer> answerOf = new HashMap<>();
    List<BitSet> distinct = new ArrayList<>();
    int[] answerOfTarget = new int[targets];
    for (int t = 0; t < targets; t++) {
      answerOfTarget[t] =
          groupsOf[t] == null
              ? -1
              : answerOf.computeIfAbsent(
                  BitSet.valueOf(groupsOf[t]),
                  reached -> {
                    distinct.add(reached);
                    return distinct.size() - 1;
                  });
    }
    RefNames[] answers = answers(groups, distinct);
    RefNames none = catalog.set(new BitSet());
    List<RefNames> refsOf = new ArrayList<>(targets);
    for (int answer : answerOfTarget) {
      refsOf.add(answer < 0 ? none : answers[answer]);
    }
    return refsOf;
  }

  /**
   * The names of the refs of each of {@code distinct} choices of groups, on two threads when there
   * are many: rails' 5k answers, each a set of up to 52k refs, took 0.4 s on one core at the end of
   * a scan.
   */
  private static RefNames[] answers(Groups groups, List<BitSet> distinct) {
    RefNames[] answers = new RefNames[distinct.size()];
    int parts = distinct.size() >= PARALLEL ? 2 : 1;
    try {
      Parallel.forEach(
          IntStream.range(0, parts).boxed().toList(),
          parts,
          part -> {
            for (int a = part; a < answers.length; a += parts) {
              answers[a] = groups.names(distinct.get(a));
            }
          });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while naming the refs reaching the matches", e);
    }
    return answers;
  }

  /**
   * For each target, the groups carrying it, as the words of a set (null: none). Built a word at a
   * time from each group's targets: rails' 5.8k groups of tips carry 5k targets between them, and a
   * set bit by bit per target took a quarter of a second.
   */
  private static long[][] groupsOf(List<BitSet> groupCarries, int targets) {
    long[][] groupsOf = new long[targets][];
    int words = (groupCarries.size() + 63) >>> 6;
    for (int g = 0; g < groupCarries.size(); g++) {
      long[] carries = groupCarries.get(g).toLongArray();
      int word = g >>> 6;
      long bit = 1L << g;
      for (int w = 0; w < carries.length; w++) {
        for (long left = carries[w]; left != 0; left &= left - 1) {
          int t = (w << 6) + Long.numberOfTrailingZeros(left);
          if (t >= targets) {
            break;
          }
          if (groupsOf[t] == null) {
            groupsOf[t] = new long[words];
          }
          groupsOf[t][word] |= bit;
        }
      }
    }
    return groupsOf;
  }

  /** The refs of each group of tips, as positions in the catalog. */
  private static final class Groups {
    private final RefCatalog catalog;
    private final List<int[]> refs;
    private final int[] sizes;
    private final long[] named; // the positions of every group's refs
    private final long all;
    private final boolean shared; // a name given to tips of two groups

    Groups(RefCatalog catalog, List<int[]> refs, int[] sizes) {
      this.catalog = catalog;
      this.refs = refs;
      this.sizes = sizes;
      this.named = new long[(catalog.size() + 63) >>> 6];
      long count = 0;
      for (int g = 0; g < sizes.length; g++) {
        count += sizes[g];
        set(named, g, true);
      }
      this.all = count;
      this.shared = BitSet.valueOf(named).cardinality() != count;
    }

    /** The names of the refs of {@code chosen} groups. */
    RefNames names(BitSet chosen) {
      long in = 0;
      for (int g = chosen.nextSetBit(0); g >= 0; g = chosen.nextSetBit(g + 1)) {
        in += sizes[g];
      }
      boolean most = 2 * in > all && !shared;
      long[] positions = most ? named.clone() : new long[named.length];
      if (most) { // every group's refs, less those of the groups not chosen
        for (int g = chosen.nextClearBit(0); g < sizes.length; g = chosen.nextClearBit(g + 1)) {
          set(positions, g, false);
        }
      } else {
        for (int g = chosen.nextSetBit(0);
            g >= 0 && g < sizes.length;
            g = chosen.nextSetBit(g + 1)) {
          set(positions, g, true);
        }
      }
      return catalog.set(BitSet.valueOf(positions));
    }

    /** Sets or clears the positions of a group's refs, as words (a bit at a time was slow). */
    private void set(long[] positions, int group, boolean value) {
      int[] at = refs.get(group);
      for (int k = 0; k < sizes[group]; k++) {
        int p = at[k];
        if (value) {
          positions[p >>> 6] |= 1L << p;
        } else {
          positions[p >>> 6] &= ~(1L << p);
        }
      }
    }
  }
}

package dev.rekey.scanner.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.eclipse.jgit.lib.Constants;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The primitive cache keeps and drops exactly what a {@link LinkedHashMap} with the same budget and
 * order would (its earlier form), and the ends of objects found from a remembered place are those a
 * binary search finds.
 */
class BuiltCacheTest {

  @Test
  void recentKeepsWhatAnAccessOrderedMapWithTheSameBudgetKeeps() {
    compare(true);
  }

  @Test
  void plannedKeepsWhatAnInsertionOrderedMapWithTheSameBudgetKeeps() {
    compare(false);
  }

  /** Random gets, puts and releases on both; after each, the same objects are held. */
  private static void compare(boolean accessOrder) {
    Random random = new Random(accessOrder ? 11 : 12);
    for (int round = 0; round < 50; round++) {
      long limit = 1 + random.nextInt(5_000);
      BuiltCache cache = accessOrder ? BuiltCache.recent(limit) : BuiltCache.planned(limit);
      Model model = new Model(limit, accessOrder);
      long[] offsets = new long[600];
      OffsetCounts everything = new OffsetCounts();
      for (int i = 0; i < offsets.length; i++) {
        offsets[i] = (i / 2) * 7919L + (i % 2 == 0 ? 0 : 1L << 40);
        everything.add(offsets[i], 1_000_000); // planned: each kept, as something is built on it
      }
      cache.plan(everything);
      for (int step = 0; step < 2_000; step++) {
        long offset = offsets[random.nextInt(offsets.length)];
        int action = random.nextInt(10);
        if (action < 4) {
          PackStream.Built got = cache.get(offset);
          assertThat(got).isSameAs(model.get(offset));
        } else if (action < 9) {
          PackStream.Built built = built(random.nextInt(600));
          cache.put(offset, built, -1);
          model.keep(offset, built);
        } else {
          cache.release(offset);
          model.release(offset);
        }
        assertThat(cache.size()).isEqualTo(model.kept.size());
      }
      for (long offset : model.kept.keySet().stream().mapToLong(Long::longValue).toArray()) {
        assertThat(cache.get(offset)).isSameAs(model.get(offset));
      }
    }
  }

  @Test
  void aPlannedBaseIsDroppedOnceItsLastDeltaIsBuilt() {
    BuiltCache cache = BuiltCache.planned(1 << 20);
    OffsetCounts pending = new OffsetCounts();
    pending.add(100, 2);
    pending.add(200, 0);
    cache.plan(pending);
    PackStream.Built base = built(10);
    cache.put(100, base, -1);
    assertThat(cache.get(100)).isSameAs(base);
    cache.put(200, built(10), 100);
    assertThat(cache.get(100)).isSameAs(base);
    assertThat(cache.get(200)).isNull(); // nothing is built on it
    cache.put(300, built(10), 100);
    assertThat(cache.get(100)).isNull();
  }

  @Test
  void anOffsetDroppedIsNotFoundOnceItsSlotHoldsAnotherThroughGrowth() {
    BuiltCache cache = BuiltCache.recent(1L << 30);
    for (long offset = 0; offset < 1_000; offset++) {
      cache.put(offset * 4_099, built(1), -1);
    }
    for (long offset = 0; offset < 1_000; offset++) {
      cache.release(offset * 4_099);
    }
    PackStream.Built[] now = new PackStream.Built[1_000];
    for (int k = 0; k < now.length; k++) {
      now[k] = built(1);
      cache.put((1L << 40) + k, now[k], -1);
    }
    for (int k = 0; k < now.length; k++) {
      assertThat(cache.get(k * 4_099L)).isNull();
      assertThat(cache.get((1L << 40) + k)).isSameAs(now[k]);
    }
  }

  @Test
  void offsetCountsHoldEveryOffsetAddedThroughGrowth() {
    OffsetCounts counts = new OffsetCounts(2);
    Map<Long, Integer> model = new LinkedHashMap<>();
    Random random = new Random(5);
    for (int i = 0; i < 20_000; i++) {
      long offset = (long) random.nextInt(5_000) << random.nextInt(30);
      int delta = random.nextInt(5) - 1;
      assertThat(counts.add(offset, delta)).isEqualTo(model.merge(offset, delta, Integer::sum));
    }
    assertThat(counts.size()).isEqualTo(model.size());
    model.forEach((offset, count) -> assertThat(counts.get(offset)).isEqualTo(count));
    assertThat(counts.get(-5)).isEqualTo(-1);
    assertThat(counts.contains(3)).isEqualTo(model.containsKey(3L));
  }

  @Test
  void endsSearchedFromAHintAreThoseABinarySearchFinds() {
    Random random = new Random(3);
    for (int round = 0; round < 200; round++) {
      long[] sorted = new long[random.nextInt(300)];
      long at = random.nextInt(10);
      for (int i = 0; i < sorted.length; i++) {
        sorted[i] = at;
        at += 1 + random.nextInt(50);
      }
      for (int probe = 0; probe < 200; probe++) {
        long key =
            sorted.length > 0 && random.nextBoolean()
                ? sorted[random.nextInt(sorted.length)]
                : random.nextInt((int) at + 20) - 5;
        int hint = random.nextInt(sorted.length + 4) - 2;
        assertThat(PackFiles.Ends.near(sorted, key, hint))
            .as("key %d from %d in %s", key, hint, Arrays.toString(sorted))
            .isEqualTo(Arrays.binarySearch(sorted, key));
      }
    }
  }

  private static PackStream.Built built(int length) {
    return new PackStream.Built(Constants.OBJ_BLOB, new byte[length], null);
  }

  /** The cache as it was: a linked hash map of boxed offsets. */
  private static final class Model {
    final long limit;
    final LinkedHashMap<Long, PackStream.Built> kept;
    long bytes;

    Model(long limit, boolean accessOrder) {
      this.limit = limit;
      this.kept = new LinkedHashMap<>(16, 0.75f, accessOrder);
    }

    PackStream.@Nullable Built get(long offset) {
      return kept.get(offset);
    }

    void keep(long offset, PackStream.Built built) {
      PackStream.Built old = kept.put(offset, built);
      bytes += built.content().length - (old == null ? 0 : old.content().length);
      Iterator<Map.Entry<Long, PackStream.Built>> eldest = kept.entrySet().iterator();
      while (bytes > limit && kept.size() > 1) {
        bytes -= eldest.next().getValue().content().length;
        eldest.remove();
      }
    }

    void release(long offset) {
      PackStream.Built gone = kept.remove(offset);
      if (gone != null) {
        bytes -= gone.content().length;
      }
    }
  }
}

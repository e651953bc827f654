package dev.rekey.scanner.git;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Objects a {@link PackStream} has built, kept for the deltas still to come, bounded in bytes. */
abstract class BuiltCache {
  private final LinkedHashMap<Long, PackStream.Built> kept;
  private final long limit;
  private long bytes;

  private BuiltCache(long limit, boolean accessOrder) {
    this.limit = limit;
    this.kept = new LinkedHashMap<>(256, 0.75f, accessOrder);
  }

  /** Any recent objects, least recently used out first: for trees and commits in commit order. */
  static BuiltCache recent(long limit) {
    return new BuiltCache(limit, true) {
      @Override
      void put(long offset, PackStream.Built built, long base) {
        keep(offset, built);
      }
    };
  }

  /** Objects kept as {@link PackStream#plan} says, for blobs read in pack order. */
  static BuiltCache planned(long limit) {
    return new Planned(limit);
  }

  PackStream.@Nullable Built get(long offset) {
    return kept.get(offset);
  }

  /** Offers {@code built}, made from the object at {@code base} (-1 for a whole object). */
  abstract void put(long offset, PackStream.Built built, long base);

  /** Starts a new plan: how many objects still to build are built on each object. */
  void plan(Map<Long, Integer> pending) {
    kept.clear();
    bytes = 0;
  }

  final void keep(long offset, PackStream.Built built) {
    PackStream.Built old = kept.put(offset, built);
    bytes += built.content().length - (old == null ? 0 : old.content().length);
    Iterator<Map.Entry<Long, PackStream.Built>> eldest = kept.entrySet().iterator();
    while (bytes > limit && kept.size() > 1) {
      bytes -= eldest.next().getValue().content().length;
      eldest.remove();
    }
  }

  final void release(long offset) {
    PackStream.Built gone = kept.remove(offset);
    if (gone != null) {
      bytes -= gone.content().length;
    }
  }

  /**
   * Keeps each object exactly until the last object built on it has been built: in a pack, bases
   * come before their deltas but not always just before, and a family's links are spread among
   * other objects; knowing which objects are still needed, none is rebuilt unless the budget forces
   * it (then the oldest go first). On a 2 GB history this holds at most 132 MB of bases.
   */
  private static final class Planned extends BuiltCache {
    private Map<Long, Integer> pending = Map.of();

    Planned(long limit) {
      super(limit, false);
    }

    @Override
    void plan(Map<Long, Integer> counts) {
      super.plan(counts);
      pending = counts;
    }

    @Override
    void put(long offset, PackStream.Built built, long base) {
      if (base >= 0) {
        Integer left = pending.computeIfPresent(base, (key, count) -> count - 1);
        if (left != null && left <= 0) {
          release(base);
        }
      }
      Integer children = pending.get(offset);
      if (children != null && children > 0) {
        keep(offset, built);
      }
    }
  }
}

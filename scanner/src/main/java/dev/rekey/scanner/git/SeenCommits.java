package dev.rekey.scanner.git;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Every commit the scans so far reached, numbered: those of the last full listing ({@link
 * KnownCommits}), then those repeat scans met since ({@link HistorySummary#extra()}).
 */
@SuppressWarnings("JdkObsolete") // BitSet: one bit per commit
final class SeenCommits {
  private final KnownCommits known;
  private final List<HistorySummary.Extra> extra;
  private final IdTable extraIds = new IdTable();
  private final Map<ObjectId, Integer> asked = new HashMap<>(); // a repeat asks of each tip often

  SeenCommits(KnownCommits known, List<HistorySummary.Extra> extra) {
    this.known = known;
    this.extra = extra;
    extra.forEach(e -> extraIds.add(e.id()));
  }

  /** How many commits are numbered. */
  int size() {
    return known.size() + extra.size();
  }

  /** The number of commit {@code id}, or -1 when no scan reached it. */
  int number(AnyObjectId id) {
    Integer cached = asked.get(id);
    if (cached != null) {
      return cached;
    }
    int number = lookUp(id);
    asked.put(id.copy(), number);
    return number;
  }

  /**
   * Takes {@code number} as the number of commit {@code id} when it is (checked at that number, not
   * searched for: a repeat learns the numbers of 52k tips from its summary so).
   */
  void remember(ObjectId id, int number) {
    if (number >= 0 && number < size() && id(number).equals(id)) {
      asked.put(id, number);
    }
  }

  private int lookUp(AnyObjectId id) {
    int number = known.number(id);
    if (number >= 0) {
      return number;
    }
    int index = extraIds.indexOf(id);
    return index < 0 ? -1 : known.size() + index;
  }

  /** The id of commit number {@code number}. */
  ObjectId id(int number) {
    return number < known.size() ? known.id(number) : extra.get(number - known.size()).id();
  }

  /** The number of the first parent of commit number {@code number}, or -1 for a root. */
  int firstParent(int number) {
    if (number < known.size()) {
      return known.parentCount(number) > 0 ? known.parent(number, 0) : -1;
    }
    int[] parents = extra.get(number - known.size()).parents();
    return parents.length > 0 ? parents[0] : -1;
  }

  /** Marks in {@code reached} every commit reachable from {@code start}. */
  void reach(BitSet start, BitSet reached) {
    Deque<Integer> pending = new ArrayDeque<>();
    start.stream().forEach(pending::push);
    BitSet fromKnown = new BitSet();
    while (!pending.isEmpty()) {
      int commit = pending.pop();
      if (commit < 0) {
        continue; // not from a file we wrote: the commits it names count as not reached
      } else if (commit < known.size()) {
        fromKnown.set(commit);
      } else if (commit < size() && !reached.get(commit)) {
        reached.set(commit);
        for (int parent : extra.get(commit - known.size()).parents()) {
          pending.push(parent);
        }
      }
    }
    known.reach(fromKnown, reached);
  }

  /** Whether every numbered commit is marked in {@code reached}. */
  boolean all(BitSet reached) {
    return reached.cardinality() == size();
  }
}

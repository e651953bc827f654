package dev.rekey.scanner.model;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of the refs a scan met, sorted and each once, held once per scan. The refs reaching a
 * secret are a {@link RefNames}: a bit per name of this catalog, about 6.5 KB on a history with 52k
 * refs (rails) where a set of strings per secret cost megabytes. Sets of the same refs are one
 * instance: most of a long history's secrets are reached from the same tags.
 */
@SuppressWarnings("JdkObsolete") // BitSet: the compact set of positions in this catalog
public final class RefCatalog {
  private final String[] names;
  private final Map<BitSet, RefNames> sets = new HashMap<>();

  private RefCatalog(String[] names) {
    this.names = names;
  }

  /** A catalog of {@code names}, sorted, duplicates dropped. */
  public static RefCatalog of(Collection<String> names) {
    String[] given = names.toArray(String[]::new);
    boolean sorted = true; // as a repository's refs are listed: nothing to sort
    for (int i = 1; i < given.length && sorted; i++) {
      sorted = given[i - 1].compareTo(given[i]) < 0;
    }
    return new RefCatalog(
        sorted ? given : Arrays.stream(given).distinct().sorted().toArray(String[]::new));
  }

  /**
   * The position of each of {@code names}, as {@link #indexOf} gives it: names that come in the
   * catalog's order are found by stepping through it, not searched for (52k refs of rails).
   */
  public int[] positionsOf(List<String> wanted) {
    int[] positions = new int[wanted.size()];
    int next = 0;
    for (int i = 0; i < positions.length; i++) {
      String name = wanted.get(i);
      if (next < names.length && names[next].equals(name)) {
        positions[i] = next++;
      } else {
        positions[i] = indexOf(name);
        next = positions[i] >= 0 ? positions[i] + 1 : next;
      }
    }
    return positions;
  }

  /** The number of names. */
  public int size() {
    return names.length;
  }

  /** The position of {@code name} in sorted order; negative when the catalog does not hold it. */
  public int indexOf(String name) {
    return Arrays.binarySearch(names, name);
  }

  /** The first position whose name is {@code name} or sorts after it ({@link #size} if none). */
  public int from(String name) {
    int at = Arrays.binarySearch(names, name);
    return at >= 0 ? at : -1 - at;
  }

  /** The name at {@code position}. */
  public String name(int position) {
    return names[position];
  }

  /**
   * The set of the names at {@code positions}: the one instance of this catalog holding exactly
   * those. {@code positions} must not be changed afterwards (the set may keep it).
   */
  public synchronized RefNames set(BitSet positions) {
    RefNames known = sets.get(positions);
    if (known != null) {
      return known;
    }
    if (positions.length() > names.length) {
      throw new IllegalArgumentException(
          "position " + (positions.length() - 1) + " is past the catalog's " + names.length);
    }
    RefNames created = new RefNames(this, positions);
    sets.put(positions, created);
    return created;
  }

  /** The set of all the names. */
  public RefNames all() {
    BitSet every = new BitSet(names.length);
    every.set(0, names.length);
    return set(every);
  }
}

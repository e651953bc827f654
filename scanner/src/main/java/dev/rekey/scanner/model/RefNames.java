package dev.rekey.scanner.model;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;

/**
 * An immutable, sorted set of ref names held in one array. A history with tens of thousands of refs
 * (rails has 52k tags and branches) reaches most of its secrets from most of its refs: a tree set
 * per secret cost about 2 MB each and ran a scan out of heap, while this costs a pointer per name
 * and is shared between secrets reached from the same refs.
 */
public final class RefNames extends AbstractSet<String> {
  private static final RefNames EMPTY = new RefNames(new String[0]);

  private final String[] names;

  private RefNames(String[] names) {
    this.names = names;
  }

  /**
   * The names of {@code refs}, sorted; {@code refs} itself when it already is a {@code RefNames}.
   */
  public static RefNames of(Collection<String> refs) {
    if (refs instanceof RefNames same) {
      return same;
    }
    String[] sorted = refs.stream().distinct().sorted().toArray(String[]::new);
    return sorted.length == 0 ? EMPTY : new RefNames(sorted);
  }

  /** The names in either set; one of the two when it holds them all. */
  public RefNames union(RefNames other) {
    String[] merged = new String[names.length + other.names.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < names.length || j < other.names.length) {
      int order =
          i == names.length ? 1 : j == other.names.length ? -1 : names[i].compareTo(other.names[j]);
      merged[n++] = order <= 0 ? names[i] : other.names[j];
      i += order <= 0 ? 1 : 0;
      j += order >= 0 ? 1 : 0;
    }
    if (n == names.length) {
      return this;
    }
    return n == other.names.length ? other : new RefNames(Arrays.copyOf(merged, n));
  }

  @Override
  public boolean contains(Object o) {
    return o instanceof String name && Arrays.binarySearch(names, name) >= 0;
  }

  @Override
  public Iterator<String> iterator() {
    return Arrays.asList(names).iterator();
  }

  @Override
  public int size() {
    return names.length;
  }
}

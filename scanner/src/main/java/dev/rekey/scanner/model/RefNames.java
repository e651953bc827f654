package dev.rekey.scanner.model;

import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.Set;

/**
 * An immutable set of ref names, iterated in sorted order: a bit per name of a {@link RefCatalog}
 * shared by every set of a scan, so a secret reached from 50k refs costs a few kilobytes, not a
 * copy of their names. Sets of one catalog holding the same names are one instance.
 */
@SuppressWarnings("JdkObsolete") // BitSet: the compact set of positions in the catalog
public final class RefNames extends AbstractSet<String> {
  private final RefCatalog catalog;
  private final BitSet positions;
  private final int size;
  private int hash;

  RefNames(RefCatalog catalog, BitSet positions) {
    this.catalog = catalog;
    this.positions = positions;
    this.size = positions.cardinality();
  }

  /**
   * {@code refs} itself when it already is a {@code RefNames}; otherwise its names in a catalog of
   * their own (sets built one by one, outside a scan).
   */
  public static RefNames of(Collection<String> refs) {
    if (refs instanceof RefNames same) {
      return same;
    }
    return RefCatalog.of(refs).all();
  }

  /** The names in either set: one of the two when it holds them all. */
  public RefNames union(RefNames other) {
    if (other == this) {
      return this;
    }
    if (catalog != other.catalog) {
      List<String> both = new ArrayList<>(this);
      both.addAll(other);
      return of(both);
    }
    BitSet union = (BitSet) positions.clone();
    union.or(other.positions);
    int count = union.cardinality();
    if (count == size) {
      return this;
    }
    return count == other.size ? other : catalog.set(union);
  }

  /** The names in any of {@code sets}: {@link #union} of them all, worked out at once. */
  public static RefNames unionAll(List<RefNames> sets) {
    RefNames first = sets.get(0);
    BitSet union = null;
    Set<RefNames> added = Collections.newSetFromMap(new IdentityHashMap<>()); // shared by blobs
    for (RefNames set : sets) {
      if (!added.add(set)) {
        continue;
      }
      if (set.catalog != first.catalog) {
        RefNames all = first;
        for (RefNames each : sets) {
          all = all.union(each);
        }
        return all;
      }
      if (set != first) {
        union = union == null ? (BitSet) first.positions.clone() : union;
        union.or(set.positions);
      }
    }
    return union == null ? first : first.catalog.set(union);
  }

  /** The catalog whose names this set holds some of. */
  public RefCatalog catalog() {
    return catalog;
  }

  /** The positions in its catalog of the names this set holds (a copy). */
  public BitSet positions() {
    return (BitSet) positions.clone();
  }

  /** Whether the set holds the name at {@code position} of its catalog. */
  public boolean holds(int position) {
    return position >= 0 && positions.get(position);
  }

  /**
   * The first names this set holds among positions {@code [from, to)} of its catalog, in order,
   * added to {@code names} until it holds {@code limit}.
   */
  public void addFirst(int from, int to, int limit, List<String> names) {
    for (int at = positions.nextSetBit(from);
        at >= 0 && at < to && names.size() < limit;
        at = positions.nextSetBit(at + 1)) {
      names.add(catalog.name(at));
    }
  }

  @Override
  public boolean contains(Object o) {
    if (!(o instanceof String name)) {
      return false;
    }
    int position = catalog.indexOf(name);
    return position >= 0 && positions.get(position);
  }

  @Override
  public Iterator<String> iterator() {
    PrimitiveIterator.OfInt at = positions.stream().iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return at.hasNext();
      }

      @Override
      public String next() {
        return catalog.name(at.nextInt());
      }
    };
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean equals(Object o) {
    if (o instanceof RefNames other && other.catalog == catalog) {
      return other.positions.equals(positions);
    }
    return super.equals(o);
  }

  @Override
  public int hashCode() {
    if (hash == 0) {
      hash = super.hashCode(); // the sum of the names' hashes, as every Set; kept: 50k names
    }
    return hash;
  }
}

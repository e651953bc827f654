package dev.rekey.scanner.git;

import java.io.IOException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * Reads trees for {@link TreeDiff}, keeping recently used ones parsed: a commit's trees are
 * compared with its parent's, which were read for the parent moments before. The trees kept can be
 * {@linkplain Kept shared} by the readers of several threads, so a tree one thread read (for a
 * commit just before the run of commits another thread compares) is not read again.
 */
final class TreeReader {
  private final ObjectSource objects;
  private final Kept kept;

  /**
   * @param limit bytes of parsed trees to keep
   */
  TreeReader(ObjectSource objects, long limit) {
    this(objects, new Kept(limit));
  }

  /**
   * @param kept the parsed trees kept, which other readers may share
   */
  TreeReader(ObjectSource objects, Kept kept) {
    this.objects = objects;
    this.kept = kept;
  }

  /**
   * The tree {@code id}.
   *
   * @throws IOException when it cannot be read
   */
  TreeEntries read(AnyObjectId id) throws IOException {
    TreeEntries known = kept.get(id);
    return known != null ? known : readAndKeep(id);
  }

  private TreeEntries readAndKeep(AnyObjectId id) throws IOException {
    return kept.add(id, TreeEntries.of(objects.read(id, Constants.OBJ_TREE)));
  }

  /** The tree {@code id}, or null when it cannot be read. */
  @Nullable TreeEntries readOrNull(AnyObjectId id) {
    try {
      return read(id);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Parsed trees, recently used ones kept within a budget of bytes; safe to share between threads
   * (a tree two threads read at once is kept once, and {@link #add} returns the one kept).
   *
   * <p>Almost every tree asked for is already kept, so finding one takes no lock: the trees sit in
   * an open-addressed table of immutable entries, each its own id (no separate id object to reach),
   * probed from the id's hash and confirmed on all 20 bytes. Adding and evicting are locked. A
   * lookup racing with them may miss a tree that is kept (the tree is then read again, and {@link
   * #add} hands back the one kept) but never returns another id's tree. Eviction is by second
   * chance (CLOCK): a hand sweeps the table, sparing once each tree used since it last passed,
   * rather than an LRU list relinked under the lock on every hit — the shared LinkedHashMap was a
   * seventh of the comparing workers' time.
   */
  static final class Kept {
    private final long limit;
    private volatile Table table = new Table(1024);
    private int size;
    private long bytes;
    private int hand;

    /**
     * @param limit bytes of parsed trees to keep
     */
    Kept(long limit) {
      this.limit = limit;
    }

    /** The tree kept for {@code id}, or null (rarely, also while another thread adds or evicts). */
    @Nullable TreeEntries get(AnyObjectId id) {
      Table slots = table;
      int hash = id.hashCode();
      int mask = slots.entries.length - 1;
      for (int at = hash & mask, probes = 0; probes <= mask; at = (at + 1) & mask, probes++) {
        Entry entry = slots.entries[at];
        if (entry == null) {
          return null;
        }
        if (slots.hashes[at] == hash && entry.equals(id)) {
          return slots.use(at, entry);
        }
      }
      return null;
    }

    /** Keeps {@code tree}, read as {@code id}; the tree to use (one kept meanwhile, if any). */
    synchronized TreeEntries add(AnyObjectId id, TreeEntries tree) {
      Table slots = table;
      int hash = id.hashCode();
      int mask = slots.entries.length - 1;
      int at = hash & mask;
      for (Entry entry; (entry = slots.entries[at]) != null; at = (at + 1) & mask) {
        if (slots.hashes[at] == hash && entry.equals(id)) {
          return slots.use(at, entry);
        }
      }
      Entry added = new Entry(id, tree);
      int weight = weight(tree);
      slots.put(at, added, hash, weight);
      size++;
      bytes += weight;
      while (bytes > limit && size > 1) {
        evictOne(slots, added);
      }
      if (size * 2 > slots.entries.length) {
        table = slots.larger();
        hand = 0;
      }
      return tree;
    }

    /**
     * Evicts the first tree after the hand not used since the hand last passed, but {@code kept}.
     */
    private void evictOne(Table slots, Entry kept) {
      int mask = slots.entries.length - 1;
      int at = hand;
      while (slots.used[at] || slots.entries[at] == null || slots.entries[at] == kept) {
        slots.used[at] = false;
        at = (at + 1) & mask;
      }
      // The hand stays: what moves back into the hole lay ahead of it and is looked at next.
      hand = at;
      bytes -= slots.weights[at];
      size--;
      slots.remove(at);
    }

    /** About the bytes a tree holds: its content, and the entry offsets found later. */
    static int weight(TreeEntries tree) {
      return tree.length() + tree.length() / 6 + 64;
    }
  }

  /**
   * The slots of {@link Kept}: the entries, linearly probed from their hash, and beside each its
   * hash, its weight and whether it was used since the eviction hand last passed (a hint, raced on
   * harmlessly). Probing and evicting read these arrays, not the entries: an entry is reached (a
   * likely cache miss) only to confirm an id.
   */
  private static final class Table {
    final @Nullable Entry[] entries;
    final int[] hashes;
    final int[] weights;
    final boolean[] used;

    Table(int capacity) {
      entries = new Entry[capacity];
      hashes = new int[capacity];
      weights = new int[capacity];
      used = new boolean[capacity];
    }

    TreeEntries use(int at, Entry entry) {
      if (!used[at]) {
        used[at] = true;
      }
      return entry.tree;
    }

    /** Fills empty slot {@code at}; the hash before the entry, for readers without the lock. */
    void put(int at, Entry entry, int hash, int weight) {
      hashes[at] = hash;
      weights[at] = weight;
      used[at] = true;
      entries[at] = entry;
    }

    /** Empties slot {@code hole}, moving back the entries probed past it. */
    void remove(int hole) {
      int mask = entries.length - 1;
      entries[hole] = null;
      used[hole] = false;
      for (int at = (hole + 1) & mask; entries[at] != null; at = (at + 1) & mask) {
        if (!LinearProbing.staysPastHole(hashes[at] & mask, hole, at)) {
          put(hole, entries[at], hashes[at], weights[at]);
          used[hole] = used[at];
          entries[at] = null;
          used[at] = false;
          hole = at;
        }
      }
    }

    /** A table twice as large with the same entries. */
    Table larger() {
      Table larger = new Table(entries.length * 2);
      int mask = larger.entries.length - 1;
      for (int k = 0; k < entries.length; k++) {
        Entry entry = entries[k];
        if (entry != null) {
          int at = hashes[k] & mask;
          while (larger.entries[at] != null) {
            at = (at + 1) & mask;
          }
          larger.put(at, entry, hashes[k], weights[k]);
          larger.used[at] = used[k];
        }
      }
      return larger;
    }
  }

  /**
   * A kept tree and its id (the entry is the id, as in JGit's own object maps, so confirming an id
   * reaches one object). Never changed once made. A thread finding it without a lock sees its tree
   * (a final field) and, on the JVMs we run on, its id (written before the constructor's
   * final-field barrier); were an id word still seen as its initial zero, the id would match no id
   * asked for but one sharing the rest of its 20 bytes: a miss, not a wrong tree.
   */
  @SuppressWarnings({"serial", "EqualsHashCode"}) // never serialised; equal as the id it is
  private static final class Entry extends ObjectId {
    final transient TreeEntries tree;

    Entry(AnyObjectId id, TreeEntries tree) {
      super(id);
      this.tree = tree;
    }
  }
}

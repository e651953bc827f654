package dev.rekey.scanner.git;

import java.util.BitSet;
import org.jspecify.annotations.Nullable;

/**
 * The targets a commit carries, as the union of its parents' sets, built parent by parent: the very
 * instance of a parent's set whenever the other parents add nothing to it, so the commits of a
 * history share a few sets (one per target added on the way) and so do the tips whose reach is
 * computed from them ({@link TipReach}); a merge of a branch that carries nothing new costs no
 * copy. One instance serves a whole walk (its scratch set is reused).
 */
@SuppressWarnings("JdkObsolete") // BitSet: compact sets of targets
final class CarriedUnion {
  private final BitSet scratch = new BitSet();
  private @Nullable BitSet union;
  private boolean copied;

  /** Starts the union of a commit's parents. */
  CarriedUnion start() {
    union = null;
    copied = false;
    return this;
  }

  /** Adds what a parent carries (null: nothing). */
  @SuppressWarnings("ReferenceEquality") // a parent's set shared by identity, not compared
  void add(@Nullable BitSet parent) {
    if (parent == null || parent == union || parent.isEmpty()) {
      return;
    }
    BitSet now = union;
    if (now == null || !lacks(parent, now)) {
      union = parent; // the first, or one holding all the union holds
      copied = false;
    } else if (lacks(now, parent)) {
      if (!copied) {
        now = (BitSet) now.clone();
        union = now;
        copied = true;
      }
      now.or(parent);
    }
  }

  /** The union of the parents added since {@link #start}; null when they carry nothing. */
  @Nullable BitSet result() {
    return union;
  }

  /** Whether {@code other} holds something {@code set} lacks. */
  private boolean lacks(BitSet set, BitSet other) {
    scratch.clear();
    scratch.or(other);
    scratch.andNot(set);
    return !scratch.isEmpty();
  }
}

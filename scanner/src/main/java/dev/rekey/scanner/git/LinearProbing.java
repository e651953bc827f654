package dev.rekey.scanner.git;

import java.util.Arrays;

/**
 * What this package's open-addressed tables share: each probes linearly, one slot after another and
 * around the end, from an entry's home slot (its hash masked by the table's power-of-two length).
 */
final class LinearProbing {
  private LinearProbing() {}

  /** A table of {@code length} slots holding indexes, each empty (-1). */
  static int[] emptySlots(int length) {
    int[] slots = new int[length];
    Arrays.fill(slots, -1);
    return slots;
  }

  /** Puts {@code index} in the first empty (-1) slot from {@code home} on. */
  static void place(int[] slots, int home, int index) {
    int mask = slots.length - 1;
    int slot = home & mask;
    while (slots[slot] >= 0) {
      slot = (slot + 1) & mask;
    }
    slots[slot] = index;
  }

  /** A table of {@code length} slots holding entries that are never -1, each empty (-1). */
  static long[] emptyEntries(int length) {
    long[] slots = new long[length];
    Arrays.fill(slots, -1L);
    return slots;
  }

  /** Puts {@code entry} in the first empty (-1) slot from {@code home} on. */
  static void place(long[] slots, int home, long entry) {
    int mask = slots.length - 1;
    int slot = home & mask;
    while (slots[slot] != -1L) {
      slot = (slot + 1) & mask;
    }
    slots[slot] = entry;
  }

  /**
   * Whether the entry in slot {@code at}, whose home is {@code home}, stays where it is when slot
   * {@code hole}, probed before it, is emptied: it does when its home lies cyclically in {@code
   * (hole, at]}, else it moves back into the hole (deleting without tombstones).
   */
  static boolean staysPastHole(int home, int hole, int at) {
    return hole < at ? home > hole && home <= at : home > hole || home <= at;
  }
}

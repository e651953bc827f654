package dev.rekey.scanner.git;

import java.util.Arrays;

/**
 * Paths, each stored once and given a dense index: a history has far fewer paths than blobs. An
 * open-addressed table of primitives keyed by the paths' hashes, which the threads comparing trees
 * work out, so the one recording their changes (every change of a listing goes through here) only
 * compares the path with the one its hash leads to.
 */
final class PathTable {
  private String[] paths = new String[1024];
  private int[] hashes = new int[1024];
  private int[] slots = LinearProbing.emptySlots(2048);
  private int size;

  /** The index of {@code path}, added if new. */
  int intern(String path) {
    return intern(path, path.hashCode());
  }

  /** The index of {@code path}, whose {@link String#hashCode()} is {@code hash}, added if new. */
  int intern(String path, int hash) {
    int mask = slots.length - 1;
    int slot = spread(hash) & mask;
    for (int index = slots[slot]; index >= 0; index = slots[slot]) {
      if (hashes[index] == hash && paths[index].equals(path)) {
        return index;
      }
      slot = (slot + 1) & mask;
    }
    if (size == paths.length) {
      paths = Arrays.copyOf(paths, size * 2);
      hashes = Arrays.copyOf(hashes, size * 2);
    }
    paths[size] = path;
    hashes[size] = hash;
    slots[slot] = size;
    size++;
    if (size * 2 > slots.length) {
      rehash();
    }
    return size - 1;
  }

  String get(int index) {
    if (index >= size) {
      throw new IndexOutOfBoundsException("path " + index + " of " + size);
    }
    return paths[index];
  }

  int size() {
    return size;
  }

  /** Mixes a string's hash, whose low bits alone tell paths of one folder apart poorly. */
  private static int spread(int hash) {
    int mixed = hash * 0x9E3779B9;
    return mixed ^ (mixed >>> 16);
  }

  private void rehash() {
    slots = LinearProbing.emptySlots(slots.length * 2);
    for (int index = 0; index < size; index++) {
      LinearProbing.place(slots, spread(hashes[index]), index);
    }
  }
}

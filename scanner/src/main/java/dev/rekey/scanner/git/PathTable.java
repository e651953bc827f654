package dev.rekey.scanner.git;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Paths, each stored once and given a dense index: a history has far fewer paths than blobs. */
final class PathTable {
  private final Map<String, Integer> indexes = new HashMap<>();
  private final List<String> paths = new ArrayList<>();

  /** The index of {@code path}, added if new. */
  int intern(String path) {
    Integer known = indexes.get(path);
    if (known != null) {
      return known;
    }
    indexes.put(path, paths.size());
    paths.add(path);
    return paths.size() - 1;
  }

  String get(int index) {
    return paths.get(index);
  }

  int size() {
    return paths.size();
  }
}

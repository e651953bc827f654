package dev.rekey.scanner.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Where a few target blobs sit inside trees: for each tree, the paths (relative to it) of the
 * targets it holds. Each tree is read once; a tree holding none of the targets, the usual case,
 * costs an entry in a compact set.
 */
final class TreeHits {
  /** A target blob at a path. */
  record Hit(String path, int target) {}

  private final ObjectSource objects;
  private final Map<ObjectId, Integer> targets;
  private final IdTable clean = new IdTable();
  private final Map<ObjectId, List<Hit>> hits = new HashMap<>();
  private final LastTrees<Hit> last = new LastTrees<>();

  /**
   * @param targets the blobs looked for, each with its number
   */
  TreeHits(ObjectSource objects, Map<ObjectId, Integer> targets) {
    this.objects = objects;
    this.targets = targets;
  }

  /** The targets under the root tree {@code tree}; a tree that cannot be read holds none. */
  List<Hit> of(AnyObjectId tree) {
    return of(tree, "");
  }

  /**
   * The targets under {@code tree}, found at {@code path} (ending in {@code /} but at the root).
   */
  private List<Hit> of(AnyObjectId tree, String path) {
    if (clean.contains(tree)) {
      return List.of();
    }
    List<Hit> known = hits.get(tree);
    if (known != null) {
      return known;
    }
    List<Hit> found = read(tree, path);
    if (found.isEmpty()) {
      clean.add(tree);
    } else {
      hits.put(tree.copy(), found);
    }
    return found;
  }

  private List<Hit> read(AnyObjectId treeId, String path) {
    byte[] raw;
    try {
      raw = objects.read(treeId, Constants.OBJ_TREE);
    } catch (IOException e) {
      return List.of(); // reported when the history was listed
    }
    RawTree tree = new RawTree(raw);
    LastTrees.Kept<Hit> previous = last.get(path);
    RawTree before = previous == null ? null : new RawTree(previous.raw());
    List<Hit> found = new ArrayList<>(0);
    try {
      while (tree.next()) {
        if (before != null && previous != null && tree.unchangedIn(before)) {
          String name = tree.name();
          previous.hits().stream().filter(hit -> under(hit, name)).forEach(found::add);
        } else {
          visit(tree, path, found);
        }
      }
    } catch (IllegalStateException e) {
      // A malformed tree was reported when the history was listed; keep what was read.
    }
    List<Hit> hits = found.isEmpty() ? List.of() : List.copyOf(found);
    last.put(path, raw, hits);
    return hits;
  }

  private void visit(RawTree tree, String path, List<Hit> found) {
    if (tree.isTree()) {
      String name = tree.name();
      List<Hit> below = of(tree.id().toObjectId(), path + name + "/");
      below.forEach(hit -> found.add(new Hit(name + "/" + hit.path(), hit.target())));
    } else if (!tree.isGitlink()) {
      Integer target = targets.get(tree.id());
      if (target != null) {
        found.add(new Hit(tree.name(), target));
      }
    }
  }

  /** Whether {@code hit} is the entry {@code name} or lies under it. */
  private static boolean under(Hit hit, String name) {
    String at = hit.path();
    return at.startsWith(name) && (at.length() == name.length() || at.charAt(name.length()) == '/');
  }
}

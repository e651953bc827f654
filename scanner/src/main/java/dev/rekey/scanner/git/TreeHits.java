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

  /**
   * @param targets the blobs looked for, each with its number
   */
  TreeHits(ObjectSource objects, Map<ObjectId, Integer> targets) {
    this.objects = objects;
    this.targets = targets;
  }

  /** The targets under {@code tree}; a tree that cannot be read holds none. */
  List<Hit> of(AnyObjectId tree) {
    if (clean.contains(tree)) {
      return List.of();
    }
    List<Hit> known = hits.get(tree);
    if (known != null) {
      return known;
    }
    List<Hit> found = read(tree);
    if (found.isEmpty()) {
      clean.add(tree);
    } else {
      hits.put(tree.copy(), found);
    }
    return found;
  }

  private List<Hit> read(AnyObjectId treeId) {
    RawTree tree;
    try {
      tree = new RawTree(objects.read(treeId, Constants.OBJ_TREE));
    } catch (IOException e) {
      return List.of(); // reported when the history was listed
    }
    List<Hit> found = new ArrayList<>(0);
    try {
      while (tree.next()) {
        if (tree.isTree()) {
          ObjectId sub = tree.id().toObjectId();
          List<Hit> below = of(sub);
          if (!below.isEmpty()) {
            String prefix = tree.name() + "/";
            below.forEach(hit -> found.add(new Hit(prefix + hit.path(), hit.target())));
          }
        } else if (!tree.isGitlink()) {
          Integer target = targets.get(tree.id());
          if (target != null) {
            found.add(new Hit(tree.name(), target));
          }
        }
      }
    } catch (IllegalStateException e) {
      // A malformed tree was reported when the history was listed; keep what was read.
    }
    return found.isEmpty() ? List.of() : List.copyOf(found);
  }
}

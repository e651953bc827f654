package dev.rekey.scanner.git;

import java.io.IOException;
import java.util.Arrays;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.MutableObjectId;
import org.eclipse.jgit.lib.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * Finds how a commit's tree differs from its first parent's, into a {@link DiffBuffer} later
 * recorded into the {@link HistoryIndex} (one instance per thread, with its own trees): a level at
 * a time, skipping at memory speed the runs of bytes the two versions of a tree share (which also
 * tells where the new version's entries start, without parsing them) and entering only the subtrees
 * that differ, so a commit costs what it changed, not the size of its tree. Each blob or submodule
 * it adds or changes is marked introduced when no other parent holds it at that path either. A tree
 * that cannot be read is reported once and the commit marked incomplete (its facts are not kept for
 * the next scan).
 */
final class TreeDiff {
  private final TreeReader trees;
  private final MutableObjectId id = new MutableObjectId();
  private DiffBuffer out = new DiffBuffer();
  private ObjectId commit = ObjectId.zeroId();
  private boolean complete;

  /**
   * A commit to compare: its index in the {@link HistoryIndex}, id and root tree, whether its
   * parents are cut (shallow), and its parents' ids and root trees (first parent first; a null tree
   * for a parent that could not be read).
   */
  @SuppressWarnings("ArrayRecordComponent") // built once per commit, never compared
  record Task(
      int index,
      ObjectId id,
      ObjectId tree,
      boolean shallow,
      ObjectId[] parents,
      @Nullable ObjectId[] parentTrees) {}

  TreeDiff(TreeReader trees) {
    this.trees = trees;
  }

  /**
   * Records the changes of {@code task} into {@code buffer}, ended with the commit's flags: {@link
   * HistoryIndex#DIFFED}, {@link HistoryIndex#SHALLOW} when its parents are cut, {@link
   * HistoryIndex#INCOMPLETE} when a tree could not be read.
   */
  void record(Task task, DiffBuffer buffer) {
    out = buffer;
    out.begin(task.index());
    int count = task.parentTrees().length;
    TreeEntries[] parents = new TreeEntries[count];
    boolean whole = true;
    for (int k = 0; k < count; k++) {
      ObjectId parentTree = task.parentTrees()[k];
      if (parentTree != null) {
        commit = task.parents()[k];
        parents[k] = read(parentTree, "");
      }
      whole &= parents[k] != null;
    }
    commit = task.id();
    boolean recorded = compare(task.tree(), parents) && whole;
    out.end(
        HistoryIndex.DIFFED
            | (task.shallow() ? HistoryIndex.SHALLOW : 0)
            | (recorded ? 0 : HistoryIndex.INCOMPLETE));
  }

  /** Compares the commit's root tree with its parents'; whether every tree could be read. */
  private boolean compare(ObjectId root, @Nullable TreeEntries[] parents) {
    this.complete = parents.length == 0 || parents[0] != null;
    TreeEntries tree = read(root, "");
    if (tree != null) {
      TreeEntries first = parents.length > 0 && parents[0] != null ? parents[0] : TreeEntries.EMPTY;
      TreeEntries[] others =
          Arrays.copyOfRange(parents, Math.min(1, parents.length), parents.length);
      level(tree, root, first, others, true, "");
    }
    return complete;
  }

  /** Compares one level, reporting a malformed tree instead of failing the commit. */
  private void level(
      TreeEntries now,
      AnyObjectId nowId,
      TreeEntries before,
      @Nullable TreeEntries[] others,
      boolean introduce,
      String prefix) {
    try {
      before.parsed();
    } catch (IllegalStateException e) {
      complete = false; // the parent's tree, reported when the parent was listed
      before = TreeEntries.EMPTY;
    }
    try {
      compare(now, before, others, introduce, prefix);
    } catch (IllegalStateException e) {
      complete = false;
      out.unreadable(nowId, prefix, commit, TreeProblems.why(e));
    }
  }

  private void compare(
      TreeEntries now,
      TreeEntries before,
      @Nullable TreeEntries[] others,
      boolean introduce,
      String prefix) {
    IntColumn starts = now.isParsed() ? null : new IntColumn(before.count() + 8);
    int length = now.length();
    int pos = 0;
    int j = 0;
    int m = before.count();
    while (pos < length && j < m) {
      int from = before.start(j);
      int same = Arrays.mismatch(now.raw(), pos, length, before.raw(), from, before.length());
      int next = same < 0 || from + same >= before.length() ? m : before.entryAt(from + same, j);
      for (int k = j; starts != null && k < next; k++) {
        starts.add(before.start(k) - from + pos);
      }
      pos += before.start(next) - from;
      j = next;
      if (pos >= length || j >= m) {
        break;
      }
      int end = now.end(pos);
      boolean tree = now.isTree(pos);
      int order =
          TreeEntries.compare(now, pos, end, tree, before, before.start(j), before.start(j + 1));
      if (order > 0) {
        deleted(before, j++, prefix);
        continue;
      }
      if (starts != null) {
        starts.add(pos);
      }
      if (order == 0) {
        modified(now, pos, end, tree, before, j++, others, introduce, prefix);
      } else {
        added(now, pos, end, tree, others, introduce, prefix);
      }
      pos = end;
    }
    for (; pos < length; pos = now.end(pos)) {
      if (starts != null) {
        starts.add(pos);
      }
      added(now, pos, now.end(pos), now.isTree(pos), others, introduce, prefix);
    }
    for (; j < m; j++) {
      deleted(before, j, prefix);
    }
    if (starts != null) {
      starts.add(length);
      now.known(Arrays.copyOf(starts.array(), starts.size()));
    }
  }

  @SuppressWarnings("ParameterNumber") // an entry on each side, the other parents, where
  private void modified(
      TreeEntries now,
      int start,
      int end,
      boolean tree,
      TreeEntries before,
      int j,
      @Nullable TreeEntries[] others,
      boolean introduce,
      String prefix) {
    int beforeStart = before.start(j);
    int beforeEnd = before.start(j + 1);
    boolean sameObject = TreeEntries.sameId(now, end, before, beforeEnd);
    if (tree) {
      if (!sameObject) {
        before.copyId(beforeEnd, id);
        enter(now, start, end, trees.readOrNull(id), others, introduce, prefix);
      }
    } else if (!sameObject || kind(now, start) != kind(before, beforeStart)) {
      recordEntry(now, start, end, others, introduce, prefix);
    }
  }

  @SuppressWarnings("ParameterNumber") // an entry, the other parents, where
  private void added(
      TreeEntries now,
      int start,
      int end,
      boolean tree,
      @Nullable TreeEntries[] others,
      boolean introduce,
      String prefix) {
    if (tree) {
      enter(now, start, end, TreeEntries.EMPTY, others, introduce, prefix);
    } else {
      recordEntry(now, start, end, others, introduce, prefix);
    }
  }

  private void deleted(TreeEntries before, int j, String prefix) {
    int start = before.start(j);
    String path = prefix + before.name(start, before.start(j + 1));
    if (before.isTree(start)) {
      out.change(path + "/", null, HistoryIndex.DELETED_TREE);
    } else {
      out.change(path, null, HistoryIndex.DELETED);
    }
  }

  private void recordEntry(
      TreeEntries now,
      int start,
      int end,
      @Nullable TreeEntries[] others,
      boolean introduce,
      String prefix) {
    boolean introduced = introduce && !heldByOther(now, start, end, false, others);
    now.copyId(end, id);
    int kind = kind(now, start) | (introduced ? HistoryIndex.INTRODUCED : 0);
    out.change(prefix + now.name(start, end), id, kind);
  }

  /**
   * Compares subtree {@code [start, end)} of {@code now} with {@code before} (the first parent's
   * tree at that path, if any, else empty) and the other parents'.
   */
  @SuppressWarnings("ParameterNumber") // an entry, the trees to compare it with, where
  private void enter(
      TreeEntries now,
      int start,
      int end,
      @Nullable TreeEntries before,
      @Nullable TreeEntries[] others,
      boolean introduce,
      String prefix) {
    String path = prefix + now.name(start, end) + "/";
    now.copyId(end, id);
    ObjectId subtreeId = id.toObjectId();
    TreeEntries subtree = read(subtreeId, path);
    if (subtree == null) {
      return;
    }
    if (before == null) {
      complete = false; // the first parent's subtree: reported when that parent was listed
    }
    boolean mayIntroduce = introduce && !heldByOther(now, start, end, true, others);
    TreeEntries[] below = new TreeEntries[mayIntroduce ? others.length : 0];
    for (int k = 0; k < below.length; k++) {
      TreeEntries other = others[k];
      int at = other == null ? -1 : other.find(now, start, end, true);
      if (other != null && at >= 0) {
        other.copyId(other.start(at + 1), id);
        below[k] = trees.readOrNull(id);
      }
    }
    level(
        subtree, subtreeId, before == null ? TreeEntries.EMPTY : before, below, mayIntroduce, path);
  }

  /** Whether another parent's tree holds the entry (same name, kind and object). */
  private static boolean heldByOther(
      TreeEntries now, int start, int end, boolean tree, @Nullable TreeEntries[] others) {
    for (TreeEntries other : others) {
      if (other != null) {
        int at = other.find(now, start, end, tree);
        if (at >= 0) {
          int otherStart = other.start(at);
          int otherEnd = other.start(at + 1);
          if (TreeEntries.sameId(other, otherEnd, now, end)
              && kind(other, otherStart) == kind(now, start)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static int kind(TreeEntries tree, int start) {
    int mode = tree.mode(start) & TreeEntries.TYPE_MASK;
    return mode == TreeEntries.GITLINK ? HistoryIndex.GITLINK : HistoryIndex.BLOB;
  }

  /** The tree, or null when it cannot be read (reported once; the commit is then incomplete). */
  private @Nullable TreeEntries read(ObjectId tree, String path) {
    try {
      return trees.read(tree);
    } catch (IOException e) {
      complete = false;
      out.unreadable(tree, path, commit, TreeProblems.why(e));
      return null;
    }
  }
}

package dev.rekey.scanner.git;

import java.io.IOException;
import java.util.Arrays;
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
  private final SpareColumns spare = new SpareColumns();
  private Level[] levels = new Level[16];

  /** The subtree a level asked to enter (see {@link #ask}). */
  private TreeEntries askedNow = TreeEntries.EMPTY;

  private int askedStart;
  private int askedEnd;
  private boolean askedModified;
  private final MutableObjectId askedBefore = new MutableObjectId();
  private @Nullable TreeEntries[] askedOthers = new TreeEntries[0];
  private boolean askedIntroduce;
  private String askedPrefix = "";
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
      walk(level(tree, root, first, others, true, ""));
    }
    return complete;
  }

  /**
   * Compares the levels below {@code root} depth-first, a level at a time, with the levels being
   * compared on a stack of their own rather than the thread's: a recursive comparison was compiled
   * into one large body holding every level's copy of the loop, compiled again (whole) whenever a
   * branch it had not seen yet was taken. A level that turns out malformed is reported and left;
   * the one above it goes on.
   */
  private void walk(Level root) {
    int top = 0;
    levels[0] = root;
    while (top >= 0) {
      Level level = levels[top];
      Level below;
      try {
        below = level.step() ? enter() : null;
      } catch (IllegalStateException e) {
        malformed(level, e);
        below = null;
      }
      if (below != null) {
        if (++top == levels.length) {
          levels = Arrays.copyOf(levels, top * 2);
        }
        levels[top] = below;
      } else if (level.done()) {
        levels[top--] = null;
      }
    }
  }

  private void malformed(Level level, IllegalStateException e) {
    complete = false;
    out.unreadable(level.nowId, level.prefix, commit, TreeProblems.why(e));
    level.abandon();
  }

  /** A level to compare, its first parent's version checked (a malformed one counts as empty). */
  private Level level(
      TreeEntries now,
      ObjectId nowId,
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
    return new Level(now, nowId, before, others, introduce, prefix);
  }

  /**
   * One level being compared: the new tree and its first parent's version, walked together, where
   * the walk is in each, and (when the new tree's entries are not known yet) where its entries were
   * found to start.
   */
  private final class Level {
    final TreeEntries now;
    final ObjectId nowId;
    final TreeEntries before;
    final @Nullable TreeEntries[] others;
    final boolean introduce;
    final String prefix;
    @Nullable IntColumn starts;
    final int length;
    final int count;
    int pos;
    int j;
    boolean finished;

    Level(
        TreeEntries now,
        ObjectId nowId,
        TreeEntries before,
        @Nullable TreeEntries[] others,
        boolean introduce,
        String prefix) {
      this.now = now;
      this.nowId = nowId;
      this.before = before;
      this.others = others;
      this.introduce = introduce;
      this.prefix = prefix;
      this.length = now.length();
      this.count = before.count();
      this.starts = now.isParsed() ? null : spare.take();
    }

    boolean done() {
      return finished;
    }

    /** Gives the column back after a failure (the tree's entries then stay unknown). */
    void abandon() {
      finished = true;
      IntColumn column = starts;
      if (column != null) {
        spare.give(column);
        starts = null;
      }
    }

    /**
     * Compares on until a subtree that differs must be entered (true: it is {@linkplain #ask asked
     * for}, and this level resumes after it) or the level is done (false). Reads no tree: the trees
     * to enter are read by the caller, so this loop compiles small.
     */
    boolean step() {
      while (pos < length && j < count) {
        skipSame();
        if (pos >= length || j >= count) {
          break;
        }
        if (differing()) {
          return true;
        }
      }
      while (pos < length) {
        int start = pos;
        int end = now.end(start);
        found(start);
        pos = end;
        if (added(now, start, end, now.isTree(start), others, introduce, prefix)) {
          return true;
        }
      }
      for (; j < count; j++) {
        deleted(before, j, prefix);
      }
      finish();
      return false;
    }

    /**
     * Skips the run of bytes both versions share from here, which holds the same entries: the
     * comparison's hot loop, at memory speed.
     */
    private void skipSame() {
      int from = before.start(j);
      int same = Arrays.mismatch(now.raw(), pos, length, before.raw(), from, before.length());
      int next =
          same < 0 || from + same >= before.length() ? count : before.entryAt(from + same, j);
      IntColumn column = starts;
      if (column != null) {
        for (int k = j; k < next; k++) {
          column.add(before.start(k) - from + pos);
        }
      }
      pos += before.start(next) - from;
      j = next;
    }

    /** Handles the entries where the versions first differ; whether a subtree is to be entered. */
    private boolean differing() {
      int start = pos;
      int end = now.end(start);
      boolean tree = now.isTree(start);
      int order =
          TreeEntries.compare(now, start, end, tree, before, before.start(j), before.start(j + 1));
      if (order > 0) {
        deleted(before, j++, prefix);
        return false;
      }
      found(start);
      pos = end;
      if (order == 0) {
        return modified(now, start, end, tree, before, j++, others, introduce, prefix);
      }
      return added(now, start, end, tree, others, introduce, prefix);
    }

    private void found(int start) {
      IntColumn column = starts;
      if (column != null) {
        column.add(start);
      }
    }

    private void finish() {
      finished = true;
      IntColumn column = starts;
      if (column != null) {
        column.add(length);
        now.known(Arrays.copyOf(column.array(), column.size()));
        spare.give(column);
        starts = null;
      }
    }
  }

  @SuppressWarnings("ParameterNumber") // an entry on each side, the other parents, where
  private boolean modified(
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
        before.copyId(beforeEnd, askedBefore);
        return ask(now, start, end, true, others, introduce, prefix);
      }
    } else if (!sameObject || kind(now, start) != kind(before, beforeStart)) {
      recordEntry(now, start, end, others, introduce, prefix);
    }
    return false;
  }

  @SuppressWarnings("ParameterNumber") // an entry, the other parents, where
  private boolean added(
      TreeEntries now,
      int start,
      int end,
      boolean tree,
      @Nullable TreeEntries[] others,
      boolean introduce,
      String prefix) {
    if (tree) {
      return ask(now, start, end, false, others, introduce, prefix);
    }
    recordEntry(now, start, end, others, introduce, prefix);
    return false;
  }

  /**
   * Asks for subtree {@code [start, end)} of {@code now} to be entered, compared with the first
   * parent's version (whose id is in {@link #askedBefore}) when {@code modified}, else with an
   * empty tree; true.
   */
  @SuppressWarnings("ParameterNumber") // an entry, the other parents, where
  private boolean ask(
      TreeEntries now,
      int start,
      int end,
      boolean modified,
      @Nullable TreeEntries[] others,
      boolean introduce,
      String prefix) {
    askedNow = now;
    askedStart = start;
    askedEnd = end;
    askedModified = modified;
    askedOthers = others;
    askedIntroduce = introduce;
    askedPrefix = prefix;
    return true;
  }

  /** Reads the subtree {@link #ask asked for} and its parents' versions: its level, or null. */
  private @Nullable Level enter() {
    TreeEntries before = askedModified ? trees.readOrNull(askedBefore) : TreeEntries.EMPTY;
    return enter(askedNow, askedStart, askedEnd, before, askedOthers, askedIntroduce, askedPrefix);
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
  private @Nullable Level enter(
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
      return null;
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
    return level(
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

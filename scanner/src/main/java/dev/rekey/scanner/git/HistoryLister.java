package dev.rekey.scanner.git;

import dev.rekey.scanner.pipeline.HistorySink;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.jspecify.annotations.Nullable;

/**
 * Lists a history into an {@link Inventory}: walks the commits from the tips, parents first,
 * scanning each commit and tag message on the way, and each commit's tree, entering no tree already
 * seen, so each unique blob is recorded once with the commit and path it first appeared at. A
 * missing or corrupt object is reported with its id and the walk goes on around it.
 */
final class HistoryLister {
  private final HistoryWalk walk;
  private final ObjectSource objects;
  private final Set<ObjectId> shallow;
  private final HistorySink sink;
  private final Inventory inventory;
  private final Messages messages;
  private final TreeProblems badTrees;
  private final SubmoduleNotes submodules;

  /**
   * @param shallow the commits of a shallow clone whose parents are not in the repository
   */
  HistoryLister(
      HistoryWalk walk,
      ObjectSource objects,
      Set<ObjectId> shallow,
      HistorySink sink,
      Inventory inventory) {
    this.walk = walk;
    this.objects = objects;
    this.shallow = shallow;
    this.sink = sink;
    this.inventory = inventory;
    this.messages = new Messages(sink);
    this.badTrees = new TreeProblems(sink);
    this.submodules = new SubmoduleNotes(sink);
    walk.setRetainBody(true);
  }

  /** Lists everything reachable from {@code tips}. */
  void list(List<RefTips.Tip> tips) {
    for (RefTips.Tip tip : tips) {
      HistoryCommit commit = peel(tip.id(), tip.name());
      if (commit != null) {
        inventory.tips.add(new Inventory.NamedCommit(tip.name(), commit));
        listFrom(commit);
      }
    }
  }

  /** Lists {@code commit} and its ancestors not listed yet. */
  void listFrom(HistoryCommit commit) {
    Deque<HistoryCommit> pending = new ArrayDeque<>();
    pending.push(commit);
    drain(pending);
  }

  /** Resolves {@code id} (a tag or commit) to its commit, scanning tag messages; null if none. */
  @Nullable HistoryCommit resolve(ObjectId id, String name) {
    return peel(id, name);
  }

  /** Lists the commits of {@code ordered} (parents first), which the caller has already walked. */
  void listOrdered(List<HistoryCommit> ordered) {
    for (HistoryCommit commit : ordered) {
      commit.visited = true;
      emit(commit);
    }
  }

  /** Records a blob that no commit reaches. */
  void addUnreachable(ObjectId blob) {
    inventory.blobs.add(blob, BlobTable.NO_COMMIT, "");
  }

  /** Records every tree and blob of {@code commit} as known, without scanning them. */
  void markKnown(RevCommit commit) {
    walkTree(commit.getTree(), "", BlobTable.KNOWN, commit);
  }

  /** Resolves a tip to a commit, scanning the messages of the tags on the way. */
  private @Nullable HistoryCommit peel(ObjectId tip, String name) {
    TagPeeler.Peeled peeled = TagPeeler.peel(objects, messages, sink, tip, name);
    if (peeled == null) {
      return null;
    }
    switch (peeled.type()) {
      case Constants.OBJ_COMMIT -> {
        return (HistoryCommit) walk.lookupCommit(peeled.id());
      }
      case Constants.OBJ_TREE -> walkTree(peeled.id(), "", BlobTable.NO_COMMIT, null);
      default -> inventory.blobs.add(peeled.id(), BlobTable.NO_COMMIT, name);
    }
    return null;
  }

  /** Depth-first, emitting each commit after all of its parents: parents first. */
  private void drain(Deque<HistoryCommit> pending) {
    while (!pending.isEmpty()) {
      HistoryCommit commit = pending.peek();
      if (commit.index >= 0) {
        pending.pop();
      } else if (!commit.visited) {
        commit.visited = true;
        if (!parse(commit)) {
          pending.pop();
          continue;
        }
        if (shallow.contains(commit)) {
          continue; // its parents are not in this clone: noted once for the whole repository
        }
        for (int i = commit.getParentCount() - 1; i >= 0; i--) {
          HistoryCommit parent = (HistoryCommit) commit.getParent(i);
          if (!parent.visited) {
            pending.push(parent);
          }
        }
      } else {
        pending.pop();
        emit(commit);
      }
    }
  }

  @SuppressWarnings("ReferenceEquality") // the same pooled commit object, or another
  private boolean parse(HistoryCommit commit) {
    try {
      byte[] raw = objects.read(commit, Constants.OBJ_COMMIT);
      if (RevCommit.parse(walk, raw) != commit) {
        throw new CorruptObjectException("its content does not match its id");
      }
      return true;
    } catch (IOException | RuntimeException e) {
      missing(commit, e);
      return false;
    }
  }

  private void missing(RevObject commit, Exception e) {
    sink.problem(IndexLister.unreadable(commit.copy(), e));
  }

  /** Gives the commit its place, scans its message and lists its tree. */
  private void emit(HistoryCommit commit) {
    commit.index = inventory.commits.size();
    inventory.commits.add(commit);
    PersonIdent author = commit.getAuthorIdent();
    if (author != null) {
      commit.person = inventory.people.indexOf(author);
      commit.authorTime = author.getWhenAsInstant().getEpochSecond();
    }
    byte[] raw = commit.getRawBuffer();
    if (raw != null) {
      messages.scanCommit(raw, inventory.info(commit));
    }
    walkTree(commit.getTree(), "", commit.index, commit);
    commit.disposeBody();
  }

  /** Records the new blobs of a tree, entering only subtrees not seen before. */
  private void walkTree(AnyObjectId treeId, String prefix, int commit, @Nullable RevObject owner) {
    if (inventory.trees.add(treeId) < 0) {
      return;
    }
    RawTree tree;
    try {
      tree = new RawTree(objects.read(treeId, Constants.OBJ_TREE));
    } catch (IOException e) {
      badTrees.unreadable(treeId, prefix, owner, e);
      return;
    }
    try {
      while (tree.next()) {
        visit(tree, prefix, commit, owner);
      }
    } catch (IllegalStateException e) {
      badTrees.unreadable(treeId, prefix, owner, e);
    }
  }

  private void visit(RawTree tree, String prefix, int commit, @Nullable RevObject owner) {
    if (tree.isTree()) {
      if (!inventory.trees.contains(tree.id())) {
        walkTree(tree.id().toObjectId(), prefix + tree.name() + "/", commit, owner);
      }
    } else if (tree.isGitlink()) {
      submodules.note(prefix + tree.name(), tree.id());
    } else {
      inventory.blobs.addIfNew(tree.id(), commit, () -> prefix + tree.name());
    }
  }
}

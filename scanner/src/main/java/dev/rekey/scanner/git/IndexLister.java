package dev.rekey.scanner.git;

import dev.rekey.scanner.model.BlobId;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.pipeline.HistorySink;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * Lists a history into a {@link HistoryIndex}: resolves the tips, walks the commits depth-first
 * from each, parents first (the order a blob's first place is taken from), reading and diffing only
 * the commits the index does not know yet, and scans the messages of the commits it reads (and of
 * known commits whose message the record of clean blobs does not hold). The walk reads the commits;
 * comparing their trees ({@link DiffWorkers}) and matching their messages ({@link
 * Messages#inBackground}) run on other threads meanwhile, so a listing keeps every core busy. A
 * missing or corrupt commit is reported with its id and the walk goes on around it.
 */
@SuppressWarnings("JdkObsolete") // BitSet: compact per-commit flags of this walk
final class IndexLister {
  private final HistoryIndex index;
  private final ObjectSource objects;
  private final Set<ObjectId> shallow;
  private final HistorySink sink;
  private final Messages messages;
  private final DiffWorkers workers;
  private final @Nullable ScanRecord record;
  private final BitSet known = new BitSet();
  private final BitSet visited = new BitSet();
  private final BitSet emitted = new BitSet();
  private final BitSet failed = new BitSet();
  private final IntColumn order = new IntColumn(1024);
  private final List<IndexTip> tips = new ArrayList<>();
  private final List<DirectTip> direct = new ArrayList<>();
  private int diffed;

  /** A named tip and the commit it resolves to. */
  record IndexTip(String name, int commit) {}

  /** A tip that names a tree or blob, met after {@code position} commits of the order. */
  record DirectTip(int position, ObjectId object, int type) {}

  /**
   * What the walk found: the commits in scan order, the tips, the tips naming no commit, and how
   * many commits it had to compare with their parents (those the index did not know).
   */
  @SuppressWarnings("ArrayRecordComponent") // large, built once, never compared
  record Listing(int[] order, List<IndexTip> tips, List<DirectTip> direct, int diffed) {}

  /**
   * @param workers where the commits read are compared with their parents
   * @param shallow the commits of a shallow clone whose parents are not in the repository
   * @param record the blobs (and messages) known clean, or null
   */
  @SuppressWarnings("ParameterNumber") // the index, its readers, and what the walk must honour
  IndexLister(
      HistoryIndex index,
      ObjectSource objects,
      DiffWorkers workers,
      Set<ObjectId> shallow,
      HistorySink sink,
      @Nullable ScanRecord record) {
    this.index = index;
    this.objects = objects;
    this.shallow = shallow;
    this.sink = sink;
    this.messages = Messages.inBackground(sink);
    this.workers = workers;
    this.record = record;
    for (int c = 0; c < index.size(); c++) {
      if (index.has(c, HistoryIndex.PARSED)) {
        known.set(c);
      }
    }
  }

  /** Lists everything reachable from {@code tips}; messages are all scanned when it returns. */
  Listing list(List<RefTips.Tip> refs) {
    try (Messages scanning = messages) {
      for (RefTips.Tip tip : refs) {
        int commit = resolve(tip);
        if (commit >= 0) {
          tips.add(new IndexTip(tip.name(), commit));
          drain(commit);
        }
      }
      workers.finish();
      scanning.finish();
    }
    return new Listing(Arrays.copyOf(order.array(), order.size()), tips, direct, diffed);
  }

  /** The commit a tip resolves to, scanning tag messages on the way; -1 when none. */
  private int resolve(RefTips.Tip tip) {
    int commit = index.commits.indexOf(tip.id());
    if (commit >= 0) {
      return commit; // a commit this index knows (or has met as a parent)
    }
    TagPeeler.Peeled peeled = TagPeeler.peel(objects, messages, sink, tip.id(), tip.name());
    if (peeled == null) {
      return -1;
    }
    if (peeled.type() == Constants.OBJ_COMMIT) {
      return index.commit(peeled.id());
    }
    direct.add(new DirectTip(order.size(), peeled.id(), peeled.type()));
    return -1;
  }

  /** Depth-first, emitting each commit after all of its parents: parents first. */
  private void drain(int start) {
    Deque<Integer> pending = new ArrayDeque<>();
    pending.push(start);
    while (!pending.isEmpty()) {
      int commit = pending.peek();
      if (emitted.get(commit) || failed.get(commit)) {
        pending.pop();
      } else if (!visited.get(commit)) {
        visited.set(commit);
        if (!read(commit)) {
          pending.pop();
        } else if (!isShallow(commit)) {
          for (int k = index.parentCount(commit) - 1; k >= 0; k--) {
            int parent = index.parent(commit, k);
            if (!visited.get(parent)) {
              pending.push(parent);
            }
          }
        }
      } else {
        pending.pop();
        emit(commit);
      }
    }
  }

  private boolean isShallow(int commit) {
    return !shallow.isEmpty() && shallow.contains(index.id(commit));
  }

  /** Reads a commit the index does not know, scanning its message; false when it cannot. */
  private boolean read(int commit) {
    if (index.has(commit, HistoryIndex.PARSED)) {
      return true;
    }
    ObjectId id = index.id(commit);
    try {
      byte[] raw = objects.read(id, Constants.OBJ_COMMIT);
      RawCommit parsed = RawCommit.parse(raw);
      index.parsed(commit, parsed);
      BlobId message = messages.scanCommit(raw, index.info(commit));
      if (message != null) {
        index.message(commit, toId(message));
      }
      return true;
    } catch (IOException | RuntimeException e) {
      failed.set(commit);
      sink.problem(unreadable(id, e));
      return false;
    }
  }

  /** Gives the commit its place, diffs it if needed, and scans a known commit's message if new. */
  private void emit(int commit) {
    emitted.set(commit);
    order.add(commit);
    boolean cut = isShallow(commit);
    if (!index.has(commit, HistoryIndex.DIFFED) || cut != index.has(commit, HistoryIndex.SHALLOW)) {
      record(commit, cut);
    }
    if (known.get(commit)) {
      rescanMessage(commit);
    }
  }

  /** Hands the commit to the workers, with its parents' trees (null for one not read). */
  private void record(int commit, boolean cut) {
    diffed++;
    int count = cut ? 0 : index.parentCount(commit);
    ObjectId[] parents = new ObjectId[count];
    ObjectId[] parentTrees = new ObjectId[count];
    for (int k = 0; k < count; k++) {
      int parent = index.parent(commit, k);
      parents[k] = index.id(parent);
      if (!failed.get(parent) && index.has(parent, HistoryIndex.PARSED)) {
        parentTrees[k] = index.tree(parent);
      }
    }
    workers.add(
        new TreeDiff.Task(commit, index.id(commit), index.tree(commit), cut, parents, parentTrees));
  }

  /** Scans the message of a commit known from an earlier scan, unless it is recorded clean. */
  private void rescanMessage(int commit) {
    ObjectId message = index.message(commit);
    if (message.equals(ObjectId.zeroId()) || (record != null && record.contains(message))) {
      return;
    }
    ObjectId id = index.id(commit);
    try {
      messages.scanCommit(objects.read(id, Constants.OBJ_COMMIT), index.info(commit));
    } catch (IOException | RuntimeException e) {
      sink.problem(unreadable(id, e));
    }
  }

  private static ObjectId toId(BlobId id) {
    return ObjectId.fromString(id.hex());
  }

  /** A commit that cannot be read: the history behind it is not scanned. */
  static Problem unreadable(ObjectId commit, Exception e) {
    String what =
        e instanceof MissingObjectException ? "missing" : "unreadable (" + e.getMessage() + ")";
    return Problem.error(
        commit.name(),
        "commit "
            + what
            + ": the history behind it was not scanned; run 'git fsck' to find the damage");
  }
}

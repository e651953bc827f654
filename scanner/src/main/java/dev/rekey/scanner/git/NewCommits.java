package dev.rekey.scanner.git;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * The commits a repeat scan meets that no scan reached before, read and compared with their parents
 * into a small {@link HistoryIndex} of their own; the walk stops at every commit already seen
 * ({@link SeenCommits}). Gives up (null) past {@code limit} commits, or when a commit or tree
 * cannot be read: the full listing then reports it.
 */
@SuppressWarnings("JdkObsolete") // BitSet: the seen commits new ones stand on
final class NewCommits {
  final HistoryIndex index = new HistoryIndex();

  /** The new commits, parents first, as indexes into {@link #index}. */
  final List<Integer> fresh = new ArrayList<>();

  /** The seen commits that new commits name as parents, by their numbers. */
  final BitSet base = new BitSet();

  private final Map<Integer, byte[]> raw = new HashMap<>();
  private final BitSet visited = new BitSet();
  private final BitSet emitted = new BitSet();
  private final Map<Integer, Integer> position = new HashMap<>();
  private final ObjectSource objects;
  private final SeenCommits seen;
  private final int limit;

  private NewCommits(ObjectSource objects, SeenCommits seen, int limit) {
    this.objects = objects;
    this.seen = seen;
    this.limit = limit;
  }

  /** Walks from {@code tips} down to seen commits; null when it cannot be sure. */
  static @Nullable NewCommits walk(
      ObjectSource objects, SeenCommits seen, List<ObjectId> tips, int limit) {
    NewCommits walk = new NewCommits(objects, seen, limit);
    try {
      for (ObjectId tip : tips) {
        if (!walk.drain(tip)) {
          return null;
        }
      }
      return walk.diff() ? walk : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Depth-first from {@code tip}, each new commit after its parents. */
  private boolean drain(ObjectId tip) throws IOException {
    if (seen.number(tip) >= 0) {
      return true;
    }
    Deque<Integer> pending = new ArrayDeque<>();
    pending.push(index.commit(tip));
    while (!pending.isEmpty()) {
      int commit = pending.peek();
      if (!visited.get(commit)) {
        visited.set(commit);
        if (fresh.size() + pending.size() > limit) {
          return false;
        }
        parse(commit);
        for (int k = index.parentCount(commit) - 1; k >= 0; k--) {
          int parent = index.parent(commit, k);
          int number = seen.number(index.id(parent));
          if (number >= 0) {
            base.set(number);
          } else if (!visited.get(parent)) {
            pending.push(parent);
          }
        }
      } else {
        pending.pop();
        if (raw.containsKey(commit) && !emitted.get(commit)) {
          emitted.set(commit);
          position.put(commit, fresh.size());
          fresh.add(commit);
        }
      }
    }
    return true;
  }

  private void parse(int commit) throws IOException {
    ObjectId id = index.id(commit);
    byte[] bytes = objects.read(id, Constants.OBJ_COMMIT);
    index.parsed(commit, RawCommit.parse(bytes));
    raw.put(commit, bytes);
  }

  /** Compares each new commit's tree with its parents'; false when a tree cannot be read. */
  private boolean diff() throws IOException {
    TreeDiff diff = new TreeDiff(new TreeReader(objects, 16L << 20));
    DiffBuffer buffer = new DiffBuffer();
    for (int commit : fresh) {
      int count = index.parentCount(commit);
      ObjectId[] parents = new ObjectId[count];
      ObjectId[] parentTrees = new ObjectId[count];
      for (int k = 0; k < count; k++) {
        int parent = index.parent(commit, k);
        parents[k] = index.id(parent);
        if (!index.has(parent, HistoryIndex.PARSED)) {
          index.parsed(parent, RawCommit.parse(objects.read(parents[k], Constants.OBJ_COMMIT)));
        }
        parentTrees[k] = index.tree(parent);
      }
      diff.record(
          new TreeDiff.Task(
              commit, index.id(commit), index.tree(commit), false, parents, parentTrees),
          buffer);
    }
    QuietSink quiet = new QuietSink();
    buffer.recordInto(index, new TreeProblems(quiet));
    return !quiet.failed() && fresh.stream().noneMatch(c -> index.has(c, HistoryIndex.INCOMPLETE));
  }

  /** The raw bytes of new commit {@code commit}. */
  byte[] raw(int commit) {
    return raw.getOrDefault(commit, new byte[0]);
  }

  /** Whether {@code commit} of {@link #index} is one of the new commits. */
  boolean isFresh(int commit) {
    return emitted.get(commit);
  }

  /** The number a new commit gets after every seen one. */
  int number(int commit) {
    return seen.size() + position.getOrDefault(commit, 0);
  }
}

package dev.rekey.scanner.git;

import dev.rekey.scanner.model.CommitInfo;
import java.time.Instant;
import java.util.Arrays;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.jspecify.annotations.Nullable;

/**
 * What listing a history learns, commit by commit: for each commit its tree, parents, author,
 * message id, and how its tree differs from its first parent's — every path whose blob (or
 * submodule) it adds, changes or deletes, each marked <em>introduced</em> when no parent holds that
 * blob at that path. These facts depend only on the commit (whose id fixes its content and its
 * parents), so they hold after rebases, repacks and ref changes, and are kept between scans ({@link
 * HistoryIndexFile}): a repeat scan lists only the commits it has not seen. A commit referred to
 * (as a parent) but not read yet is a stub.
 */
final class HistoryIndex {
  /** Change kinds: a path now holds a blob, a submodule, nothing, or nothing under a folder. */
  static final int BLOB = 0;

  static final int GITLINK = 1;
  static final int DELETED = 2;
  static final int DELETED_TREE = 3;
  static final int KIND = 3;

  /** Change flag: no parent holds this object at this path. */
  static final int INTRODUCED = 4;

  /** Commit flags: read; its changes known; its parents cut (shallow); its facts in doubt. */
  static final int PARSED = 1;

  static final int DIFFED = 2;
  static final int SHALLOW = 4;
  static final int INCOMPLETE = 8;

  private static final int WORDS = 5;

  final IdTable commits = new IdTable();
  final IdTable objects = new IdTable();
  final PathTable paths = new PathTable();
  final People people = new People();
  private final IntColumn flags = new IntColumn(1024);
  private final IntColumn person = new IntColumn(1024);
  private long[] time = new long[1024];
  private final IntColumn trees = new IntColumn(1024 * WORDS);
  private final IntColumn messages = new IntColumn(1024 * WORDS);
  private final IntColumn parentFrom = new IntColumn(1024);
  private final IntColumn parentCount = new IntColumn(1024);
  private final IntColumn parents = new IntColumn(2048);
  private final IntColumn changeFrom = new IntColumn(1024);
  private final IntColumn changeCount = new IntColumn(1024);
  private final IntColumn changePath = new IntColumn(8192);
  private final IntColumn changeObject = new IntColumn(8192);
  private final IntColumn changeKind = new IntColumn(8192);

  /** The index of commit {@code id}, added as a stub when new. */
  int commit(AnyObjectId id) {
    int index = commits.add(id);
    if (index < 0) {
      return -1 - index;
    }
    int count = index + 1;
    for (IntColumn column : new IntColumn[] {flags, person, parentFrom, parentCount}) {
      column.grow(count);
    }
    changeFrom.grow(count);
    changeCount.grow(count);
    trees.grow(count * WORDS);
    messages.grow(count * WORDS);
    if (index == time.length) {
      time = Arrays.copyOf(time, index * 2);
    }
    person.set(index, -1);
    return index;
  }

  int size() {
    return commits.size();
  }

  ObjectId id(int commit) {
    return commits.get(commit);
  }

  int flags(int commit) {
    return flags.get(commit);
  }

  boolean has(int commit, int flag) {
    return (flags.get(commit) & flag) != 0;
  }

  void mark(int commit, int flag) {
    flags.set(commit, flags.get(commit) | flag);
  }

  /** Records what the commit object says; its parents become stubs if new. */
  void parsed(int commit, RawCommit raw) {
    raw.tree().copyRawTo(wordsOf(trees), commit * WORDS);
    PersonIdent author = raw.author();
    if (author != null) {
      person.set(commit, people.indexOf(author));
      time[commit] = author.getWhenAsInstant().getEpochSecond();
    }
    parentFrom.set(commit, parents.size());
    parentCount.set(commit, raw.parents().size());
    for (ObjectId parent : raw.parents()) {
      parents.add(commit(parent));
    }
    mark(commit, PARSED);
  }

  /** Restores a commit read from the index file. */
  void restore(int commit, int flagBits, int author, long when, int[] words, int[] parentList) {
    flags.set(commit, flagBits);
    person.set(commit, author);
    time[commit] = when;
    System.arraycopy(words, 0, wordsOf(trees), commit * WORDS, WORDS);
    System.arraycopy(words, WORDS, wordsOf(messages), commit * WORDS, WORDS);
    parentFrom.set(commit, parents.size());
    parentCount.set(commit, parentList.length);
    for (int parent : parentList) {
      parents.add(parent);
    }
  }

  ObjectId tree(int commit) {
    return ObjectId.fromRaw(wordsOf(trees), commit * WORDS);
  }

  /** Records the id of the commit's message, scanned as a blob (zero when it has none). */
  void message(int commit, ObjectId message) {
    message.copyRawTo(wordsOf(messages), commit * WORDS);
  }

  ObjectId message(int commit) {
    return ObjectId.fromRaw(wordsOf(messages), commit * WORDS);
  }

  int parentCount(int commit) {
    return parentCount.get(commit);
  }

  int parent(int commit, int which) {
    return parents.get(parentFrom.get(commit) + which);
  }

  int person(int commit) {
    return person.get(commit);
  }

  long time(int commit) {
    return time[commit];
  }

  /** Starts recording the changes of {@code commit}, replacing any from an earlier attempt. */
  void beginChanges(int commit) {
    changeFrom.set(commit, changePath.size());
    changeCount.set(commit, 0);
  }

  /**
   * A change of the commit being recorded, at path {@code path} (an index into {@link #paths}), its
   * object given as the five words of its raw id at {@code words[at]}: {@code words} is null for a
   * deletion.
   */
  void change(int commit, int path, int @Nullable [] words, int at, int kind) {
    changePath.add(path);
    changeObject.add(words == null ? -1 : objects.addRaw(words, at));
    changeKind.add(kind);
    changeCount.set(commit, changeCount.get(commit) + 1);
  }

  /** Restores a change read from the index file. */
  void restoreChange(int commit, int path, int object, int kind) {
    if (changeCount.get(commit) == 0) {
      changeFrom.set(commit, changePath.size());
    }
    changePath.add(path);
    changeObject.add(object);
    changeKind.add(kind);
    changeCount.set(commit, changeCount.get(commit) + 1);
  }

  int changeCount(int commit) {
    return changeCount.get(commit);
  }

  int changePath(int commit, int k) {
    return changePath.get(changeFrom.get(commit) + k);
  }

  /** The object of a change, an index into {@link #objects}; -1 for a deletion. */
  int changeObject(int commit, int k) {
    return changeObject.get(changeFrom.get(commit) + k);
  }

  int changeKind(int commit, int k) {
    return changeKind.get(changeFrom.get(commit) + k);
  }

  /** The commit as reported: id, author, email and author date. */
  CommitInfo info(int commit) {
    People.Person author = people.get(person.get(commit));
    return new CommitInfo(
        id(commit).name(), author.name(), author.email(), Instant.ofEpochSecond(time[commit]));
  }

  private static int[] wordsOf(IntColumn column) {
    return column.array();
  }
}

package dev.rekey.scanner.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jgit.lib.MutableObjectId;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parsed trees the listing's workers share: a tree one worker read is found by another without
 * reading it (here from an empty repository, where reading it would fail), within the budget of
 * bytes, a tree used since it was added outliving one that was not; a tree two workers read at once
 * is kept once; ids are told apart on all 20 bytes, and the id added may change afterwards.
 */
class TreeReaderTest {
  @TempDir Path temp;

  @Test
  void aTreeOneReaderReadIsFoundByAnotherSharingItsTrees() throws Exception {
    Path repo = GitFixture.build("history", temp.resolve("repo"));
    ObjectId head = tree(repo, "HEAD");
    ObjectId before = tree(repo, "HEAD~1");
    TreeReader.Kept kept = new TreeReader.Kept(1L << 20);
    try (RepositoryHandle full = new RepositoryHandle(repo);
        RepositoryHandle empty = new RepositoryHandle(emptyRepository());
        ObjectSource objects = new ObjectSource(full);
        ObjectSource none = new ObjectSource(empty)) {
      TreeEntries read = new TreeReader(objects, kept).read(head);
      TreeReader other = new TreeReader(none, kept);

      assertThat(other.read(head)).isSameAs(read);
      assertThatThrownBy(() -> other.read(before)).isInstanceOf(IOException.class);
      assertThat(new TreeReader(none, new TreeReader.Kept(1L << 20)).readOrNull(head)).isNull();
    }
  }

  @Test
  void theBudgetKeepsTheMostRecentlyUsedTrees() throws Exception {
    Path repo = GitFixture.build("history", temp.resolve("repo"));
    ObjectId head = tree(repo, "HEAD");
    ObjectId before = tree(repo, "HEAD~1");
    TreeReader.Kept kept = new TreeReader.Kept(1);
    try (RepositoryHandle full = new RepositoryHandle(repo);
        RepositoryHandle empty = new RepositoryHandle(emptyRepository());
        ObjectSource objects = new ObjectSource(full);
        ObjectSource none = new ObjectSource(empty)) {
      TreeReader reader = new TreeReader(objects, kept);
      reader.read(head);
      TreeEntries last = reader.read(before);
      TreeReader other = new TreeReader(none, kept);

      assertThat(other.read(before)).isSameAs(last);
      assertThat(other.readOrNull(head)).isNull();
    }
  }

  @Test
  void aTreeAddedTwiceIsKeptOnce() {
    TreeReader.Kept kept = new TreeReader.Kept(1L << 20);
    ObjectId id = ObjectId.fromString("4b825dc642cb6eb9a060e54bf8d69288fbee4904");
    TreeEntries first = TreeEntries.of(new byte[] {'1', ' ', 'a', 0});
    TreeEntries second = TreeEntries.of(new byte[] {'1', ' ', 'a', 0});

    assertThat(kept.add(id, first)).isSameAs(first);
    assertThat(kept.add(id, second)).isSameAs(first);
    assertThat(kept.get(id)).isSameAs(first);
  }

  @Test
  void theTreesKeptStayWithinTheBudgetAndTheLastAddedIsKept() {
    Random random = new Random(14);
    long limit = 20_000;
    TreeReader.Kept kept = new TreeReader.Kept(limit);
    List<ObjectId> ids = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      ObjectId id = id(random);
      TreeEntries tree = tree(id, random.nextInt(i % 100 == 0 ? 30_000 : 800));
      ids.add(id);

      assertThat(kept.add(id, tree)).isSameAs(tree);
      assertThat(kept.get(id)).isSameAs(tree);
      long held = 0;
      int count = 0;
      for (ObjectId known : ids) {
        TreeEntries found = kept.get(known);
        if (found != null) {
          assertThat(found.raw()).startsWith(bytes(known));
          held += TreeReader.Kept.weight(found);
          count++;
        }
      }
      assertThat(held <= limit || count == 1).as("%d bytes in %d trees", held, count).isTrue();
      if (i % 500 == 499) {
        ids.clear(); // keeps each check of every id short; the trees stay kept
      }
    }
  }

  @Test
  void aTreeUsedSinceItWasAddedOutlivesOneThatWasNot() {
    Random random = new Random(15);
    TreeReader.Kept kept = new TreeReader.Kept(50 * (100 + 100 / 6 + 64));
    ObjectId used = id(random);
    ObjectId unused = id(random);
    kept.add(used, tree(used, 80));
    kept.add(unused, tree(unused, 80));
    for (int i = 0; i < 500; i++) {
      ObjectId other = id(random);
      kept.add(other, tree(other, 80));
      assertThat(kept.get(used)).isNotNull();
    }
    assertThat(kept.get(unused)).isNull();
  }

  @Test
  void idsAreToldApartOnAllTwentyBytesAndTheIdAddedMayChangeAfterwards() {
    TreeReader.Kept kept = new TreeReader.Kept(1L << 20);
    MutableObjectId id = new MutableObjectId();
    id.fromString("4b825dc642cb6eb9a060e54bf8d69288fbee4900");
    ObjectId first = id.toObjectId();
    TreeEntries firstTree = tree(first, 10);
    kept.add(id, firstTree);
    id.fromString("4b825dc642cb6eb9a060e54bf8d69288fbee4901"); // the same hash, the last byte not
    ObjectId second = id.toObjectId();
    TreeEntries secondTree = tree(second, 10);
    kept.add(id, secondTree);
    id.fromString("ffffffffffffffffffffffffffffffffffffffff");

    assertThat(first.hashCode()).isEqualTo(second.hashCode());
    assertThat(kept.get(first)).isSameAs(firstTree);
    assertThat(kept.get(second)).isSameAs(secondTree);
    assertThat(kept.get(id)).isNull();
    assertThat(kept.get(ObjectId.fromString("4b825dc642cb6eb9a060e54bf8d69288fbee4902"))).isNull();
  }

  @Test
  void twoThreadsSharingTheTreesEachGetTheTreeOfTheIdTheyAskFor() throws Exception {
    TreeReader.Kept kept = new TreeReader.Kept(40_000);
    ObjectId[] ids = new ObjectId[2_000];
    Random random = new Random(16);
    for (int i = 0; i < ids.length; i++) {
      ids[i] = id(random);
    }
    Runnable work =
        () -> {
          Random own = new Random(Thread.currentThread().threadId());
          for (int step = 0; step < 200_000; step++) {
            ObjectId id = ids[own.nextInt(step % 1_000 < 900 ? 100 : ids.length)];
            TreeEntries found = kept.get(id);
            if (found == null) {
              TreeEntries read = tree(id, own.nextInt(400));
              found = kept.add(id, read);
            }
            if (!Arrays.equals(found.raw(), 0, 20, bytes(id), 0, 20)) {
              throw new AssertionError("another id's tree for " + id.name());
            }
          }
        };
    CompletableFuture<Void> one = CompletableFuture.runAsync(work);
    CompletableFuture<Void> two = CompletableFuture.runAsync(work);
    one.get();
    two.get();
    long held = 0;
    for (ObjectId id : ids) {
      TreeEntries found = kept.get(id);
      held += found == null ? 0 : TreeReader.Kept.weight(found);
    }
    assertThat(held).isLessThanOrEqualTo(40_000);
  }

  private static ObjectId id(Random random) {
    byte[] raw = new byte[20];
    random.nextBytes(raw);
    return ObjectId.fromRaw(raw);
  }

  private static byte[] bytes(ObjectId id) {
    byte[] raw = new byte[20];
    id.copyRawTo(raw, 0);
    return raw;
  }

  /** A tree whose content starts with its id, so a tree found can be checked against the id. */
  private static TreeEntries tree(ObjectId id, int padding) {
    return TreeEntries.of(Arrays.copyOf(bytes(id), 20 + padding));
  }

  private static ObjectId tree(Path repo, String commit) throws Exception {
    return ObjectId.fromString(GitFixture.git(repo, "rev-parse", commit + "^{tree}").trim());
  }

  private Path emptyRepository() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("empty"));
    GitFixture.git(dir, "init", "-q");
    return dir;
  }
}

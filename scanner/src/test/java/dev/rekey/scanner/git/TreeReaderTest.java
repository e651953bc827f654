package dev.rekey.scanner.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parsed trees the listing's workers share: a tree one worker read is found by another without
 * reading it (here from an empty repository, where reading it would fail), within the budget, the
 * most recently used kept; a tree two workers read at once is kept once.
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

  private static ObjectId tree(Path repo, String commit) throws Exception {
    return ObjectId.fromString(GitFixture.git(repo, "rev-parse", commit + "^{tree}").trim());
  }

  private Path emptyRepository() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("empty"));
    GitFixture.git(dir, "init", "-q");
    return dir;
  }
}

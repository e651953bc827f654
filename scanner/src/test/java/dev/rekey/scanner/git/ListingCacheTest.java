package dev.rekey.scanner.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.scanner.model.Finding;
import dev.rekey.scanner.model.GitSpread;
import dev.rekey.scanner.model.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A history listed with the kept index of commit facts reports exactly what a scan listing every
 * commit afresh reports — every place, every spread — whatever happened since the index was kept:
 * new commits and refs, deleted refs, a rebase, a repack, a commit-graph, a shallow clone, a
 * damaged or foreign index file.
 */
class ListingCacheTest extends CachedHistoryTest {
  @Test
  void aRepeatScanFindsTheSameAndKeepsTheIndexPrivate() throws Exception {
    List<String> fresh = full(fresh());
    assertThat(full(cached())).isEqualTo(fresh);
    Path file = indexFile();
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(file.getParent()))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    long written = Files.getLastModifiedTime(file).toMillis();
    byte[] bytes = Files.readAllBytes(file);
    assertThat(full(cached())).isEqualTo(fresh);
    assertThat(Files.readAllBytes(file)).as("nothing new: not rewritten").isEqualTo(bytes);
    assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(written);
  }

  @Test
  void newCommitsAndRefsAreListedOnTopOfTheIndex() throws Exception {
    cached();
    GitFixture.git(repo, "checkout", "-q", "-b", "topic", "HEAD~2");
    Files.writeString(repo.resolve("token.txt"), TOKEN);
    GitFixture.git(repo, "add", "token.txt");
    GitFixture.git(repo, "commit", "-q", "-m", "Add token");
    GitFixture.git(repo, "checkout", "-q", "main");
    GitFixture.git(repo, "merge", "-q", "--no-ff", "-m", "Merge topic", "topic");
    assertSameAsFresh();
  }

  @Test
  void deletedRefsAndRewrittenCommitsLeaveNoStalePlace() throws Exception {
    cached();
    GitFixture.git(repo, "branch", "-q", "-D", "feature/payments");
    GitFixture.git(repo, "tag", "-d", "release-candidate");
    assertSameAsFresh();
    GitFixture.git(repo, "reset", "-q", "--hard", "HEAD~1");
    GitFixture.git(repo, "commit", "-q", "--amend", "-m", "Reworded");
    assertSameAsFresh();
  }

  @Test
  void aRepackOrACommitGraphChangesNothing() throws Exception {
    cached();
    GitFixture.git(repo, "repack", "-a", "-d", "-f", "-q", "--window=250", "--depth=50");
    assertSameAsFresh();
    GitFixture.git(repo, "commit-graph", "write", "--reachable");
    assertSameAsFresh();
    GitFixture.git(repo, "gc", "-q", "--prune=now");
    assertSameAsFresh();
  }

  @Test
  void aShallowCloneAndItsDeepeningAreListedAsTheyAre() throws Exception {
    Path shallow = temp.resolve("shallow");
    GitFixture.git(temp, "clone", "-q", "--depth", "2", "file://" + repo, shallow.toString());
    repo = shallow;
    cached();
    assertSameAsFresh();
    GitFixture.git(shallow, "fetch", "-q", "--unshallow");
    assertSameAsFresh();
  }

  @Test
  void aDamagedOrForeignIndexIsIgnored() throws Exception {
    cached();
    Path file = indexFile();
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x55;
    Files.write(file, bytes);
    assertSameAsFresh();

    Path other = temp.resolve("other");
    Files.createDirectories(other);
    GitFixture.git(other, "init", "-q");
    Files.writeString(other.resolve("token.txt"), "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\n");
    GitFixture.git(other, "add", "token.txt");
    GitFixture.git(other, "commit", "-q", "-m", "Token");
    Path otherFile = cache.repository(other.resolve(".git")).resolve("history-index");
    Files.copy(file, otherFile);
    repo = other;
    assertSameAsFresh();
  }

  private void assertSameAsFresh() throws Exception {
    List<String> fresh = full(fresh());
    assertThat(indexFile()).exists();
    assertThat(full(cached())).as("first scan on the index").isEqualTo(fresh);
    assertThat(full(cached())).as("repeat, with the record of clean blobs").isEqualTo(fresh);
  }

  private Path indexFile() throws Exception {
    try (Stream<Path> files = Files.walk(cache.root())) {
      return files
          .filter(f -> f.getFileName().toString().equals("history-index"))
          .findFirst()
          .orElseThrow();
    }
  }

  /** Every finding with every place it was seen and its spread. */
  static List<String> full(HistoryScan scan) {
    assertThat(scan.errors()).isEmpty();
    return scan.result().findings().stream().map(ListingCacheTest::describe).sorted().toList();
  }

  private static String describe(Finding finding) {
    StringBuilder text = new StringBuilder(HistoryScan.describe(finding));
    for (Location location : finding.locations()) {
      text.append(" | ")
          .append(location.provenance().path())
          .append('@')
          .append(
              location.provenance().commit() == null ? "-" : location.provenance().commit().id());
    }
    GitSpread spread = finding.spread();
    if (spread != null) {
      text.append(" | ")
          .append(spread.commitCount())
          .append(' ')
          .append(spread.refs())
          .append(' ')
          .append(spread.defaultBranch())
          .append(' ')
          .append(spread.atDefaultTip())
          .append(' ')
          .append(spread.leftDefaultTip());
    }
    return text.toString();
  }
}

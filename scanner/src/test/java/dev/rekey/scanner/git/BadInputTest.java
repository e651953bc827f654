package dev.rekey.scanner.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.rekey.scanner.model.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged repositories, made by damaging real copies of the history fixture: each problem is
 * reported naming the object and path, and the rest of the history is still scanned.
 */
class BadInputTest {
  @TempDir Path temp;

  @Test
  void aCorruptObjectInAPackIsReportedAndTheRestOfThePackIsRead() throws Exception {
    Path repo = packedFixture();
    String blob = GitFixture.git(repo, "rev-parse", "HEAD:config/settings.py").strip();
    damage(repo, blob);
    HistoryScan scan = HistoryScan.of(repo, HistoryScope.FULL);
    assertThat(scan.errors())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.where()).isEqualTo("config/old_settings.py");
              assertThat(p.message()).contains("blob " + blob, "the pack is damaged");
            });
    assertThat(scan.findings())
        .extracting(f -> f.split(" ")[0])
        .doesNotContain("github.fine-grained-token")
        .contains("stripe.secret-key", "openai.api-key", "aws.access-key", "stripe.test-key");
  }

  @Test
  void aCorruptTreeIsReportedWithItsPathAndTheOtherTreesAreRead() throws Exception {
    Path repo = packedFixture();
    String tree = GitFixture.git(repo, "rev-parse", "feature/payments:payments").strip();
    damage(repo, tree);
    HistoryScan scan = HistoryScan.of(repo, HistoryScope.FULL);
    assertThat(scan.errors())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.where()).isEqualTo("payments/");
              assertThat(p.message()).contains("tree " + tree, "the pack is damaged");
            });
    assertThat(scan.findings()).hasSize(8).noneMatch(f -> f.startsWith("openai.api-key"));
  }

  @Test
  void aMissingBlobIsReportedWithItsPath() throws Exception {
    Path repo = GitFixture.build("history", temp.resolve("repo"));
    String blob = GitFixture.git(repo, "rev-parse", "HEAD:src/stripe.js").strip();
    Files.delete(loose(repo, blob));
    HistoryScan scan = HistoryScan.of(repo, HistoryScope.FULL);
    assertThat(scan.errors())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.where()).isEqualTo("src/stripe.js");
              assertThat(p.message()).contains("blob " + blob, "missing");
            });
    assertThat(scan.findings()).hasSize(8).noneMatch(f -> f.startsWith("stripe.test-key"));
  }

  @Test
  void aMissingCommitIsReportedAndEverythingElseIsScanned() throws Exception {
    Path repo = GitFixture.build("history", temp.resolve("repo"));
    String removal = "0048dbbb0f54e9002ab7057355bddc1ae80fca1e"; // "Remove .env", on every branch
    Files.delete(loose(repo, removal));
    HistoryScan scan = HistoryScan.of(repo, HistoryScope.FULL);
    assertThat(scan.errors())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.where()).isEqualTo(removal);
              assertThat(p.message()).contains("commit missing", "history behind it");
            });
    assertThat(scan.findings())
        .as("the key in .env sits behind the missing commit; its later copy is still found")
        .anyMatch(f -> f.startsWith("stripe.secret-key scripts/billing.sh"))
        .hasSize(9);
  }

  @Test
  void anUnreadableRefIsReportedAndTheOthersAreScanned() throws Exception {
    Path repo = GitFixture.build("history", temp.resolve("repo"));
    Files.writeString(repo.resolve(".git/refs/heads/broken"), "not an object id\n");
    HistoryScan scan = HistoryScan.of(repo, HistoryScope.FULL);
    assertThat(scan.errors())
        .extracting(Problem::where, p -> p.message().startsWith("unreadable ref"))
        .containsExactly(tuple("refs/heads/broken", true));
    assertThat(scan.findings()).hasSize(9);
  }

  private Path packedFixture() throws Exception {
    Path repo = GitFixture.build("history", temp.resolve("repo"));
    GitFixture.git(repo, "gc", "-q", "--prune=now");
    return repo;
  }

  /** Flips bytes in the compressed data of {@code id} in the repository's only pack. */
  private static void damage(Path repo, String id) throws Exception {
    Path index = onlyFile(repo.resolve(".git/objects/pack"), ".idx");
    Path pack = Path.of(index.toString().replaceFirst("\\.idx$", ".pack"));
    long offset = offsetOf(repo, index, id);
    try (FileChannel channel =
        FileChannel.open(pack, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
      ByteBuffer bytes = ByteBuffer.allocate(8);
      channel.read(bytes, offset + 4);
      for (int i = 0; i < 8; i++) {
        bytes.put(i, (byte) ~bytes.get(i));
      }
      bytes.rewind();
      channel.write(bytes, offset + 4);
    }
  }

  private static long offsetOf(Path repo, Path index, String id) throws Exception {
    Process process =
        new ProcessBuilder("git", "show-index")
            .directory(repo.toFile())
            .redirectInput(index.toFile())
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return out.lines()
        .filter(l -> l.contains(id))
        .mapToLong(l -> Long.parseLong(l.split(" ")[0]))
        .findFirst()
        .orElseThrow();
  }

  private static Path loose(Path repo, String id) {
    return repo.resolve(".git/objects").resolve(id.substring(0, 2)).resolve(id.substring(2));
  }

  private static Path onlyFile(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(suffix)).findFirst().orElseThrow();
    }
  }
}

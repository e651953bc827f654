package dev.rekey.scanner.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.scanner.files.RepositoryCache;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, item 7: the record of blobs scanned clean cannot hide a secret. A record that arrives
 * inside the repository (an archived {@code .git}, a shared CI cache of it) listing every blob,
 * secret ones included, must change nothing: the record rekey reads lives in the user's cache.
 */
class ForgedRecordTest {
  @TempDir Path temp;

  @Test
  void aRecordInsideTheRepositoryListingTheSecretBlobsHidesNothing() throws Exception {
    Path repo = GitFixture.build("history", temp.resolve("repo"));
    List<String> expected = HistoryScan.of(repo, HistoryScope.FULL).findings();
    String key = "key-1";
    List<String> blobs =
        GitFixture.git(repo, "rev-list", "--objects", "--all")
            .lines()
            .map(line -> line.split(" ")[0])
            .toList();
    Path forged = repo.resolve(".git/rekey/scanned-blobs");
    Files.createDirectories(forged.getParent());
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(forged))) {
      out.write("REKEYSB1".getBytes(StandardCharsets.US_ASCII));
      out.writeUTF(key);
      out.writeInt(blobs.size());
      for (String id : blobs) {
        out.write(HexFormat.of().parseHex(id));
      }
    }

    HistoryScope scope = new HistoryScope(false, null, key, new CacheFolder(temp.resolve("cache")));
    assertThat(HistoryScan.of(repo, scope).findings()).isEqualTo(expected).isNotEmpty();
  }

  @Test
  void theRecordIsTheUsersOwnPerRepositoryAndPrivate() throws Exception {
    Path repo = GitFixture.build("history", temp.resolve("repo"));
    Path cache = temp.resolve("cache");
    HistoryScan.of(repo, new HistoryScope(false, null, "k", new CacheFolder(cache)));

    Path dir = RepositoryCache.of(cache, repo.resolve(".git")).dir();
    assertThat(dir.getParent()).isEqualTo(cache.resolve("repos"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo("rwx------");
    Path record = dir.resolve(ScanRecord.FILE_NAME);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(record)))
        .isEqualTo("rw-------");
    assertThat(repo.resolve(".git/rekey")).doesNotExist();
  }
}

package dev.rekey.scanner.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryCacheTest {
  @TempDir Path temp;

  @Test
  void homeFollowsXdgThenHome() {
    assertThat(RepositoryCache.home(Map.of("XDG_CACHE_HOME", "/x/cache", "HOME", "/h")))
        .isEqualTo(Path.of("/x/cache/rekey"));
    assertThat(RepositoryCache.home(Map.of("XDG_CACHE_HOME", "relative", "HOME", "/h")))
        .as("a relative XDG_CACHE_HOME is ignored, as the XDG specification says")
        .isEqualTo(Path.of("/h/.cache/rekey"));
    assertThat(RepositoryCache.home(Map.of("HOME", "/h"))).isEqualTo(Path.of("/h/.cache/rekey"));
  }

  @Test
  void oneFolderPerRealGitFolderWhateverPathLeadsToIt() throws Exception {
    Path git = Files.createDirectories(temp.resolve("repo/.git"));
    Path other = Files.createDirectories(temp.resolve("other/.git"));
    Path link = Files.createSymbolicLink(temp.resolve("link"), temp.resolve("repo"));
    Path home = temp.resolve("cache");
    RepositoryCache cache = RepositoryCache.of(home, git);
    assertThat(RepositoryCache.of(home, link.resolve(".git")).dir()).isEqualTo(cache.dir());
    assertThat(RepositoryCache.of(home, other).dir()).isNotEqualTo(cache.dir());
    assertThat(cache.dir().getFileName().toString()).matches("[0-9a-f]{64}");
  }

  @Test
  void writesPrivatelyAndReadsBack() throws Exception {
    RepositoryCache cache =
        RepositoryCache.of(temp.resolve("cache"), Files.createDirectories(temp.resolve(".git")));
    assertThat(cache.open("listing")).isNull();
    cache.write("listing", out -> out.write("hello".getBytes(StandardCharsets.UTF_8)));
    try (InputStream in = Objects.requireNonNull(cache.open("listing"))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.dir())))
        .isEqualTo("rwx------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(cache.dir().resolve("listing"))))
        .isEqualTo("rw-------");
    assertThatThrownBy(() -> cache.open("../escape")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aLinkInTheCacheIsNotFollowed() throws Exception {
    RepositoryCache cache =
        RepositoryCache.of(temp.resolve("cache"), Files.createDirectories(temp.resolve(".git")));
    Files.createDirectories(cache.dir());
    Path outside = Files.writeString(temp.resolve("outside"), "secret");
    Files.createSymbolicLink(cache.dir().resolve("listing"), outside);
    assertThat(cache.open("listing")).isNull();
    cache.write("listing", out -> out.write('x'));
    assertThat(Files.readString(outside)).isEqualTo("secret");
    assertThat(Files.isSymbolicLink(cache.dir().resolve("listing"))).isFalse();
  }
}

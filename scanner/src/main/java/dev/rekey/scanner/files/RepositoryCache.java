package dev.rekey.scanner.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The folder where rekey keeps what it caches about one repository (the record of blobs scanned
 * clean, listings): {@code ${XDG_CACHE_HOME:-$HOME/.cache}/rekey/repos/HASH/}, {@code HASH} the hex
 * SHA-256 of the canonical real path of the repository's (common) git folder.
 *
 * <p>It is the user's, never the repository's: nothing a repository holds — its files, its {@code
 * .git} folder, an archive of it or a shared CI cache of that folder — can supply, replace or
 * redirect what rekey remembers about it. Folders are created 0700, files written 0600 and
 * atomically ({@link AtomicFile}); a file that is not a regular file (a link, a FIFO) is not read.
 */
public final class RepositoryCache {
  private final Path dir;

  private RepositoryCache(Path dir) {
    this.dir = dir;
  }

  /** rekey's per-user cache folder ({@link UserFolders#cache}), under which caches are kept. */
  public static Path home(Map<String, String> env) {
    return UserFolders.cache(env);
  }

  /**
   * The cache of the repository whose (common) git folder is {@code gitDir}, under {@code home}
   * (see {@link #home}). Nothing is created until something is written.
   *
   * @throws IOException when the git folder's real path cannot be resolved
   */
  public static RepositoryCache of(Path home, Path gitDir) throws IOException {
    String real = gitDir.toRealPath().toString();
    return new RepositoryCache(home.resolve("repos").resolve(Sha256.hex(real)));
  }

  /** The folder itself (it may not exist yet). */
  public Path dir() {
    return dir;
  }

  /**
   * The content of cache file {@code name}, or null when there is none (or it is not a regular
   * file).
   *
   * @throws IOException when it exists but cannot be read
   */
  public @Nullable InputStream open(String name) throws IOException {
    Path file = dir.resolve(checked(name));
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!attributes.isRegularFile()) {
        return null;
      }
    } catch (NoSuchFileException e) {
      return null;
    }
    return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * Writes cache file {@code name} (mode 0600, atomically), creating the folders (0700).
   *
   * @throws IOException when the cache folder is not writable
   */
  public void write(String name, AtomicFile.Content content) throws IOException {
    Files.createDirectories(
        dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    AtomicFile.write(dir.resolve(checked(name)), AtomicFile.Access.OWNER_ONLY, content);
  }

  private static String checked(String name) {
    if (name.isEmpty() || name.contains("/") || name.startsWith(".")) {
      throw new IllegalArgumentException("a cache file name is a plain name: " + name);
    }
    return name;
  }
}

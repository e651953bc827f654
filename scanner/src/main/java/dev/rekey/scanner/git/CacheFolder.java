package dev.rekey.scanner.git;

import dev.rekey.scanner.files.RepositoryCache;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where rekey keeps what it learns about repositories between scans: {@code
 * ${XDG_CACHE_HOME:-$HOME/.cache}/rekey/repos/<hex SHA-256 of the canonical real path of the
 * repository's git folder>/}, folders readable by the user only (0700), files too (0600), each
 * written atomically. Never inside the repository, which must not be able to supply any of it; what
 * fails to parse or validate there is ignored and rebuilt.
 *
 * @param root the {@code rekey} folder of the user's cache
 */
public record CacheFolder(Path root) {

  /** The cache folder the environment names, or null when it names none (no HOME). */
  public static @Nullable CacheFolder fromEnvironment(Map<String, String> env) {
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
      return new CacheFolder(Path.of(xdg, "rekey"));
    }
    String home = env.get("HOME");
    return home == null || home.isEmpty()
        ? null
        : new CacheFolder(Path.of(home, ".cache", "rekey"));
  }

  /**
   * The folder for the repository whose git folder is {@code gitDir}, created (0700) if needed.
   *
   * @throws IOException when it cannot be created
   */
  Path repository(Path gitDir) throws IOException {
    Path folder = RepositoryCache.of(root, gitDir).dir();
    if (!Files.isDirectory(folder)) {
      Files.createDirectories(
          folder,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    return folder;
  }

  /**
   * Writes the first {@code length} of {@code bytes} to {@code file} through a temporary file
   * (0600) moved into place.
   */
  static void writeAtomically(Path file, byte[] bytes, int length) throws IOException {
    Path temp =
        Files.createTempFile(
            file.getParent(),
            file.getFileName().toString(),
            ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        out.write(bytes, 0, length);
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}

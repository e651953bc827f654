package dev.rekey.scanner.git;

import dev.rekey.scanner.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** Recognises and opens git repositories. */
public final class GitRepositories {
  private GitRepositories() {}

  /** Whether {@code dir} is the top of a git working tree (it holds {@code .git}). */
  public static boolean isWorkTree(Path dir) {
    return Files.exists(dir.resolve(".git"));
  }

  /** Whether {@code dir} is a bare repository. */
  public static boolean isBare(Path dir) {
    return Files.isRegularFile(dir.resolve("HEAD"))
        && Files.isDirectory(dir.resolve("objects"))
        && Files.isDirectory(dir.resolve("refs"));
  }

  /** Opens the repository whose working tree is {@code dir}. */
  static Repository openWorkTree(Path dir) throws SourceException {
    try {
      return new FileRepositoryBuilder()
          .setWorkTree(dir.toFile())
          .readEnvironment()
          .setMustExist(true)
          .setup()
          .build();
    } catch (IOException | IllegalArgumentException e) {
      throw new SourceException(dir + ": not a readable git repository: " + e.getMessage(), e);
    }
  }
}

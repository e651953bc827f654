package dev.rekey.scanner.git;

import dev.rekey.scanner.pipeline.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.jspecify.annotations.Nullable;

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

  /**
   * Opens the repository at {@code dir}: a working tree (holding {@code .git}), a bare repository
   * or a {@code .git} folder.
   */
  static Repository open(Path dir) throws SourceException {
    if (isWorkTree(dir)) {
      return openWorkTree(dir);
    }
    if (!isBare(dir)) {
      throw new SourceException(dir + ": not a git repository");
    }
    try {
      return new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
    } catch (IOException | IllegalArgumentException e) {
      throw new SourceException(dir + ": not a readable git repository: " + e.getMessage(), e);
    }
  }

  /** Why the repository at {@code dir} cannot be opened, or null when it can. */
  public static @Nullable String unreadable(Path dir) {
    try (Repository repository = open(dir)) {
      if (!repository.getObjectDatabase().exists()) {
        return "its object database is missing";
      }
      return null;
    } catch (SourceException e) {
      return e.getMessage();
    }
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

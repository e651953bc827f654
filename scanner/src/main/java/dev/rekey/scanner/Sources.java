package dev.rekey.scanner;

import dev.rekey.scanner.git.GitRepositories;
import dev.rekey.scanner.git.WorktreeSource;
import java.nio.file.Path;
import java.util.List;

/** Chooses the sources that cover a path given on the command line. */
public final class Sources {
  private Sources() {}

  /**
   * The sources for {@code path}: the working tree of a git repository, or every file of a plain
   * directory (or the single file).
   */
  public static List<Source> forPath(Path path, ScanSettings settings) {
    if (GitRepositories.isWorkTree(path)) {
      return List.of(new WorktreeSource(path, settings));
    }
    return List.of(new FileTreeSource(path, settings));
  }
}

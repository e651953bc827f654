package dev.rekey.scanner;

import dev.rekey.scanner.bundle.ProjectSource;
import dev.rekey.scanner.git.GitRepositories;
import dev.rekey.scanner.git.WorktreeSource;
import java.nio.file.Path;
import java.util.List;

/** Chooses the sources that cover a path given on the command line. */
public final class Sources {
  private Sources() {}

  /**
   * The sources for {@code path}: the working tree of a git repository, or every file of a plain
   * directory (or the single file); with the build output found in either scanned as client
   * bundles.
   */
  public static List<Source> forPath(Path path, ScanSettings settings) {
    Source files =
        GitRepositories.isWorkTree(path)
            ? new WorktreeSource(path, settings)
            : new FileTreeSource(path, settings);
    return List.of(new ProjectSource(path, files, settings));
  }
}

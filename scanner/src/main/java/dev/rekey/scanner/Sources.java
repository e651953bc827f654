package dev.rekey.scanner;

import dev.rekey.scanner.bundle.ProjectSource;
import dev.rekey.scanner.folder.FileTreeSource;
import dev.rekey.scanner.git.GitRepositories;
import dev.rekey.scanner.git.HistoryScope;
import dev.rekey.scanner.git.HistorySource;
import dev.rekey.scanner.git.WorktreeSource;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.pipeline.BlobSink;
import dev.rekey.scanner.pipeline.ScanSettings;
import dev.rekey.scanner.pipeline.Source;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Chooses the sources that cover a path given on the command line. */
public final class Sources {
  private Sources() {}

  /**
   * The sources for {@code path}: the full history and the working tree of a git repository, the
   * history of a bare repository, or every file of a plain directory (or the single file); with the
   * build output found in a working tree or directory scanned as client bundles.
   */
  public static List<Source> forPath(Path path, ScanSettings settings) {
    return forPath(path, settings, HistoryScope.FULL, true);
  }

  /**
   * The sources for {@code path}, with the history limited to {@code scope} (or left out when
   * {@code history} is false). A working tree's uncommitted files are scanned unless the scope is a
   * range of commits. A {@code .git} that cannot be read is reported, and the files are scanned as
   * a plain directory.
   */
  public static List<Source> forPath(
      Path path, ScanSettings settings, HistoryScope scope, boolean history) {
    if (GitRepositories.isWorkTree(path)) {
      String broken = GitRepositories.unreadable(path);
      if (broken != null) {
        return List.of(
            new Unreadable(path, broken),
            project(path, new FileTreeSource(path, settings), settings));
      }
      List<Source> sources = new ArrayList<>();
      if (history) {
        sources.add(new HistorySource(path, settings, scope));
      }
      if (scope.range() == null) {
        sources.add(project(path, new WorktreeSource(path, settings), settings));
      }
      return List.copyOf(sources);
    }
    if (GitRepositories.isBare(path) && history) {
      return List.of(new HistorySource(path, settings, scope));
    }
    return List.of(project(path, new FileTreeSource(path, settings), settings));
  }

  /** The files {@code files} lists, with the build output found under {@code path} as bundles. */
  private static Source project(Path path, Source files, ScanSettings settings) {
    return new ProjectSource(path, files, settings);
  }

  /** A repository that cannot be opened: reported as an error, so the scan is incomplete. */
  private record Unreadable(Path path, String reason) implements Source {
    @Override
    public String describe() {
      return "unreadable repository " + path;
    }

    @Override
    public void scan(BlobSink sink) {
      sink.problem(
          Problem.error(
              path.resolve(".git").toString(),
              reason
                  + "; its history was not scanned, only the files as a plain folder (run 'git"
                  + " status' there to see what is wrong)"));
    }
  }
}

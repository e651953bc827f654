package dev.rekey.scanner.git;

import dev.rekey.scanner.folder.FileBlobReader;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.model.Provenance;
import dev.rekey.scanner.pipeline.BlobSink;
import dev.rekey.scanner.pipeline.ScanSettings;
import dev.rekey.scanner.pipeline.Source;
import dev.rekey.scanner.pipeline.SourceException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;

/**
 * The working tree of a git repository: every tracked file as it is on disk, and every untracked
 * file that {@code .gitignore} does not exclude. Ignored directories are not entered unless they
 * hold tracked files; submodules are not entered.
 */
public final class WorktreeSource implements Source {
  private final Path root;
  private final FileBlobReader reader;

  public WorktreeSource(Path root, ScanSettings settings) {
    this.root = root.toAbsolutePath().normalize();
    this.reader = new FileBlobReader(settings);
  }

  @Override
  public String describe() {
    return "working tree of " + root;
  }

  @Override
  public void scan(BlobSink sink) throws SourceException {
    List<Path> files;
    Set<String> tracked = new HashSet<>();
    try (Repository repository = GitRepositories.openWorkTree(root)) {
      files = listFiles(repository, sink, tracked);
    }
    reader.read(root, files, sink, path -> new Provenance.File(path, tracked.contains(path)));
  }

  private List<Path> listFiles(Repository repository, BlobSink sink, Set<String> trackedPaths)
      throws SourceException {
    List<Path> files = new ArrayList<>();
    try (TreeWalk walk = new TreeWalk(repository)) {
      int index = addIndex(repository, walk, sink);
      int tree = walk.addTree(new FileTreeIterator(repository));
      walk.setRecursive(false);
      while (walk.next()) {
        WorkingTreeIterator file = walk.getTree(tree, WorkingTreeIterator.class);
        boolean tracked = index >= 0 && walk.getTree(index, DirCacheIterator.class) != null;
        if (file == null || (!tracked && file.isEntryIgnored())) {
          continue;
        }
        FileMode mode = file.getEntryFileMode();
        if (walk.isSubtree()) {
          walk.enterSubtree();
        } else if (FileMode.REGULAR_FILE.equals(mode.getBits())
            || FileMode.EXECUTABLE_FILE.equals(mode.getBits())) {
          files.add(root.resolve(walk.getPathString()));
          if (tracked) {
            trackedPaths.add(walk.getPathString());
          }
        }
      }
    } catch (IOException e) {
      throw new SourceException(root + ": cannot list the working tree: " + e.getMessage(), e);
    }
    return files;
  }

  /** Adds the index to the walk; a corrupt index is reported and every file counts as untracked. */
  private static int addIndex(Repository repository, TreeWalk walk, BlobSink sink)
      throws IOException {
    try {
      return walk.addTree(new DirCacheIterator(repository.readDirCache()));
    } catch (CorruptObjectException e) {
      sink.problem(
          Problem.error(
              ".git/index",
              "corrupt index ("
                  + e.getMessage()
                  + "): ignored files may be scanned; run 'git status' to repair it"));
      return -1;
    }
  }
}

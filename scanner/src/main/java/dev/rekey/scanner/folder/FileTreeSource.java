package dev.rekey.scanner.folder;

import dev.rekey.scanner.files.ScanRoot;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.model.Provenance;
import dev.rekey.scanner.pipeline.BlobSink;
import dev.rekey.scanner.pipeline.ScanSettings;
import dev.rekey.scanner.pipeline.Source;
import dev.rekey.scanner.pipeline.SourceException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every regular file under a directory that is not a git repository, skipping {@code .git/} and
 * {@code node_modules/}. Symbolic links are not followed; special files (FIFOs, devices, sockets)
 * are noted as skipped, never opened.
 */
public final class FileTreeSource implements Source {
  private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "node_modules");

  private final Path root;
  private final FileBlobReader reader;

  public FileTreeSource(Path root, ScanSettings settings) {
    this.root = root.toAbsolutePath().normalize();
    this.reader = new FileBlobReader(settings);
  }

  @Override
  public String describe() {
    return "files under " + root;
  }

  @Override
  public void scan(BlobSink sink) throws SourceException {
    Path parent = root.getParent();
    if (Files.isRegularFile(root) && parent != null) {
      reader.read(parent, List.of(root), sink, Provenance.File::new);
      return;
    }
    if (Files.exists(root) && !Files.isDirectory(root)) {
      // A FIFO would block the reader for ever, a device would be read until memory runs out.
      throw new SourceException(
          root + ": not a regular file or folder (a FIFO, device or socket): not read");
    }
    if (!Files.isDirectory(root)) {
      throw new SourceException(root + ": no such file or directory");
    }
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(root, new Walker(files, sink));
    } catch (IOException e) {
      throw new SourceException(root + ": cannot list files: " + e.getMessage(), e);
    }
    reader.read(root, files, sink, Provenance.File::new);
  }

  private final class Walker extends SimpleFileVisitor<Path> {
    private final List<Path> files;
    private final BlobSink sink;

    Walker(List<Path> files, BlobSink sink) {
      this.files = files;
      this.sink = sink;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
      Path name = dir.getFileName();
      boolean skip =
          !dir.equals(root) && name != null && SKIPPED_DIRECTORIES.contains(name.toString());
      return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
      if (attrs.isRegularFile()) {
        files.add(file);
      } else if (attrs.isOther()) {
        sink.problem(Problem.skipped(FileBlobReader.relative(root, file), ScanRoot.SPECIAL));
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
      String reason =
          e instanceof AccessDeniedException ? "permission denied" : String.valueOf(e.getMessage());
      sink.problem(Problem.error(FileBlobReader.relative(root, file), "cannot read: " + reason));
      return FileVisitResult.CONTINUE;
    }
  }
}

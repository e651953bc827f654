package dev.rekey.scanner.bundle;

import dev.rekey.scanner.files.ScanRoot;
import dev.rekey.scanner.folder.FileBlobReader;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.pipeline.BlobSink;
import dev.rekey.scanner.pipeline.Parallel;
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

/**
 * Every file of one or more build folders, scanned as a client bundle: JavaScript and CSS with
 * their source maps, the sources embedded in those maps, and every other file as it is, each with
 * its exposure. Git's ignore rules do not apply: build output is usually ignored.
 */
public final class BundleSource implements Source {
  private final Path root;
  private final List<BuildFolder> folders;
  private final ScanSettings settings;

  /** The build {@code folders} (paths relative to {@code root}). */
  public BundleSource(Path root, List<BuildFolder> folders, ScanSettings settings) {
    this.root = root.toAbsolutePath().normalize();
    this.folders = List.copyOf(folders);
    this.settings = settings;
  }

  /**
   * The build folder {@code dir} given on the command line. Paths are reported relative to its
   * parent ({@code dist/assets/index.js}), which is usually the project, so that source-map sources
   * resolve to project paths; its name tells its layout ({@code .next} or generic).
   */
  public static BundleSource of(Path dir, ScanSettings settings) {
    Path absolute = dir.toAbsolutePath().normalize();
    Path parent = absolute.getParent() == null ? absolute : absolute.getParent();
    BuildFolder.Layout layout = BuildOutputFinder.layoutOf(absolute);
    String name = FileBlobReader.relative(parent, absolute);
    return new BundleSource(
        parent,
        List.of(new BuildFolder(name, layout == null ? BuildFolder.Layout.GENERIC : layout)),
        settings);
  }

  @Override
  public String describe() {
    return "build output under " + root;
  }

  @Override
  public void scan(BlobSink sink) throws SourceException {
    List<String> files = new ArrayList<>();
    for (BuildFolder folder : folders) {
      list(folder, files, sink);
    }
    ScanRoot confined;
    try {
      confined = ScanRoot.of(root);
    } catch (IOException e) {
      throw new SourceException(root + ": cannot read: " + e.getMessage(), e);
    }
    DiskOrigin origin = new DiskOrigin(root, confined, folders, settings.maxBlobBytes());
    AssetScanner scanner = new AssetScanner(origin, sink);
    try {
      // Code first, so that each map is read with the file it maps; then maps nobody named.
      Parallel.forEach(
          files.stream().filter(f -> !AssetScanner.isMap(f)).toList(),
          settings.threads(),
          file -> scanFile(origin, scanner, file, sink));
      Parallel.forEach(
          files.stream().filter(AssetScanner::isMap).toList(),
          settings.threads(),
          file -> scanFile(origin, scanner, file, sink));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sink.problem(Problem.error(root.toString(), "scan interrupted"));
    }
  }

  /** Reads and scans one file; what cannot be read is reported to {@code sink}. */
  static void scanFile(DiskOrigin origin, AssetScanner scanner, String file, BlobSink sink) {
    try {
      byte[] bytes = origin.read(file);
      if (bytes != null) {
        scanner.scan(file, bytes, null);
      }
    } catch (AccessDeniedException e) {
      sink.problem(Problem.error(file, "permission denied: check the file's permissions"));
    } catch (SkippedAsset e) {
      sink.problem(Problem.skipped(file, String.valueOf(e.getMessage())));
    } catch (IOException e) {
      sink.problem(Problem.error(file, "cannot read: " + e.getMessage()));
    }
  }

  private void list(BuildFolder folder, List<String> files, BlobSink sink) throws SourceException {
    Path start = root.resolve(folder.path());
    if (Files.isRegularFile(start)) {
      files.add(folder.path());
      return;
    }
    if (!Files.isDirectory(start)) {
      throw new SourceException(
          start + ": no such build folder: build the app first, or check the path");
    }
    try {
      Files.walkFileTree(start, new Lister(folder, start, files, sink));
    } catch (IOException e) {
      throw new SourceException(start + ": cannot list files: " + e.getMessage(), e);
    }
  }

  /** Lists the files of one build folder but for dependencies and caches. */
  private final class Lister extends SimpleFileVisitor<Path> {
    private final BuildFolder folder;
    private final Path start;
    private final List<String> files;
    private final BlobSink sink;

    Lister(BuildFolder folder, Path start, List<String> files, BlobSink sink) {
      this.folder = folder;
      this.start = start;
      this.files = files;
      this.sink = sink;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
      String name = String.valueOf(dir.getFileName());
      boolean skip =
          !dir.equals(start)
              && (name.equals("node_modules")
                  || name.equals(".git")
                  || folder.skips(FileBlobReader.relative(start, dir) + "/"));
      return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
      if (attrs.isRegularFile() && !folder.skips(FileBlobReader.relative(start, file))) {
        files.add(FileBlobReader.relative(root, file));
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
      sink.problem(
          Problem.error(FileBlobReader.relative(root, file), "cannot read: " + e.getMessage()));
      return FileVisitResult.CONTINUE;
    }
  }
}

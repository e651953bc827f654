package dev.rekey.scanner.folder;

import dev.rekey.scanner.files.ScanRoot;
import dev.rekey.scanner.model.Blob;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.model.Provenance;
import dev.rekey.scanner.pipeline.BlobSink;
import dev.rekey.scanner.pipeline.Parallel;
import dev.rekey.scanner.pipeline.ScanSettings;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Reads files in parallel and pushes them to a sink. Oversized files, special files (FIFOs,
 * devices, sockets) and links leading out of the root are reported as skipped without being read
 * ({@link ScanRoot}); an unreadable file is reported with its path and the others go on.
 */
public final class FileBlobReader {
  private final ScanSettings settings;

  public FileBlobReader(ScanSettings settings) {
    this.settings = settings;
  }

  /**
   * Reads each of {@code files} (paths under {@code root}) and pushes it with the provenance {@code
   * provenanceOf} gives its relative, {@code /}-separated path.
   */
  public void read(
      Path root, List<Path> files, BlobSink sink, Function<String, Provenance> provenanceOf) {
    if (files.isEmpty()) {
      return;
    }
    ScanRoot confined;
    try {
      confined = ScanRoot.of(root);
    } catch (IOException e) {
      sink.problem(Problem.error(root.toString(), "cannot read: " + e.getMessage()));
      return;
    }
    sink.expect(files.size());
    try {
      Parallel.forEach(
          files, settings.threads(), file -> readOne(confined, root, file, sink, provenanceOf));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sink.problem(Problem.error(root.toString(), "scan interrupted"));
    }
  }

  private void readOne(
      ScanRoot confined,
      Path root,
      Path file,
      BlobSink sink,
      Function<String, Provenance> provenanceOf) {
    String relative = relative(root, file);
    try {
      switch (confined.read(file, settings.maxBlobBytes())) {
        case ScanRoot.FileRead.Content content ->
            sink.accept(Blob.of(content.bytes()), provenanceOf.apply(relative));
        case ScanRoot.FileRead.Skipped skipped ->
            sink.problem(Problem.skipped(relative, skipped.reason()));
      }
    } catch (AccessDeniedException e) {
      sink.problem(Problem.error(relative, "permission denied: check the file's permissions"));
    } catch (NoSuchFileException e) {
      sink.problem(Problem.error(relative, "disappeared while scanning"));
    } catch (IOException e) {
      sink.problem(Problem.error(relative, "cannot read: " + e.getMessage()));
    } catch (OutOfMemoryError e) {
      sink.problem(Problem.error(relative, "too large to hold in memory; lower --max-file-size"));
    }
  }

  /** {@code file} relative to {@code root}, {@code /}-separated. */
  public static String relative(Path root, Path file) {
    Path rel = root.relativize(file);
    return rel.toString().replace(file.getFileSystem().getSeparator(), "/");
  }
}

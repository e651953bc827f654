package dev.rekey.scanner.staged;

import dev.rekey.scanner.git.GitProcess;
import dev.rekey.scanner.model.Blob;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.model.Provenance;
import dev.rekey.scanner.pipeline.BlobSink;
import dev.rekey.scanner.pipeline.ScanSettings;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads staged blobs from the object database with one {@code git cat-file --batch}, started as
 * soon as the staged diff is known and read as a stream: each blob is pushed as it arrives, and a
 * blob over the size limit is skipped without being held.
 */
final class CatFileReader {
  private final List<StagedFile> files;
  private final ScanSettings settings;
  private final Process process;

  private CatFileReader(List<StagedFile> files, ScanSettings settings, Process process) {
    this.files = files;
    this.settings = settings;
    this.process = process;
  }

  /** Starts git on {@code files}' blobs; read them with {@link #read}. */
  static CatFileReader start(GitProcess git, List<StagedFile> files, ScanSettings settings)
      throws IOException {
    StringBuilder ids = new StringBuilder();
    files.forEach(file -> ids.append(file.blob().hex()).append('\n'));
    byte[] input = ids.toString().getBytes(StandardCharsets.US_ASCII);
    return new CatFileReader(files, settings, git.start(input, "cat-file", "--batch"));
  }

  /** Pushes each file's staged blob to {@code sink}; a blob git cannot give is reported. */
  void read(BlobSink sink) {
    try (InputStream in = new BufferedInputStream(process.getInputStream(), 1 << 16)) {
      for (int i = 0; i < files.size(); i++) {
        if (!next(files.get(i), in, sink)) {
          files
              .subList(i, files.size())
              .forEach(f -> sink.problem(unreadable(f, "git cat-file ended early")));
          return;
        }
      }
    } catch (IOException e) {
      sink.problem(Problem.error(".git", "cannot read staged content: " + e.getMessage()));
    } finally {
      process.destroy();
    }
  }

  /** Reads one entry of the batch output; false when the output ended early. */
  private boolean next(StagedFile file, InputStream in, BlobSink sink) throws IOException {
    String header = line(in);
    if (header == null) {
      return false;
    }
    String[] parts = header.split(" ");
    if (parts.length != 3 || !parts[1].equals("blob")) {
      sink.problem(unreadable(file, "the object is missing: run 'git fsck'"));
      return true;
    }
    long size = Long.parseLong(parts[2]);
    if (size > settings.maxBlobBytes()) {
      in.skipNBytes(size + 1);
      sink.problem(
          Problem.skipped(
              file.path(),
              "larger than the size limit (" + size + " bytes); raise --max-file-size to scan it"));
      return true;
    }
    byte[] content = in.readNBytes((int) size);
    in.skipNBytes(1);
    sink.accept(new Blob(file.blob(), content), new Provenance.Staged(file.path()));
    return true;
  }

  private static Problem unreadable(StagedFile file, String why) {
    return Problem.error(file.path(), "cannot read the staged content: " + why);
  }

  private static @Nullable String line(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      bytes.write(b);
    }
    return b == -1 && bytes.size() == 0 ? null : bytes.toString(StandardCharsets.US_ASCII);
  }
}

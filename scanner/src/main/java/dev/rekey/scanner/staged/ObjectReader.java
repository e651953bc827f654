package dev.rekey.scanner.staged;

import dev.rekey.scanner.Blob;
import dev.rekey.scanner.BlobSink;
import dev.rekey.scanner.GitProcess;
import dev.rekey.scanner.Problem;
import dev.rekey.scanner.Provenance;
import dev.rekey.scanner.ScanSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Reads staged blobs from the object database with one {@code git cat-file --batch}. */
final class ObjectReader {
  private final GitProcess git;
  private final ScanSettings settings;

  ObjectReader(GitProcess git, ScanSettings settings) {
    this.git = git;
    this.settings = settings;
  }

  /** Pushes each file's staged blob to {@code sink}; a blob git cannot give is reported. */
  void read(List<StagedFile> files, BlobSink sink) {
    StringBuilder ids = new StringBuilder();
    files.forEach(file -> ids.append(file.blob().hex()).append('\n'));
    GitProcess.Output output;
    try {
      output = git.run(ids.toString().getBytes(StandardCharsets.US_ASCII), "cat-file", "--batch");
    } catch (IOException e) {
      files.forEach(file -> sink.problem(unreadable(file, String.valueOf(e.getMessage()))));
      return;
    }
    byte[] out = output.stdout();
    int at = 0;
    for (StagedFile file : files) {
      int headerEnd = indexOf(out, (byte) '\n', at);
      if (headerEnd < 0) {
        sink.problem(unreadable(file, "git cat-file ended early: " + output.stderr().strip()));
        continue;
      }
      String[] header = new String(out, at, headerEnd - at, StandardCharsets.US_ASCII).split(" ");
      if (header.length != 3 || !header[1].equals("blob")) {
        sink.problem(unreadable(file, "the object is missing: run 'git fsck'"));
        at = headerEnd + 1;
        continue;
      }
      int size = Integer.parseInt(header[2]);
      byte[] content = Arrays.copyOfRange(out, headerEnd + 1, headerEnd + 1 + size);
      at = headerEnd + 1 + size + 1;
      push(file, content, sink);
    }
  }

  private void push(StagedFile file, byte[] content, BlobSink sink) {
    if (content.length > settings.maxBlobBytes()) {
      sink.problem(
          Problem.skipped(
              file.path(),
              "larger than the size limit ("
                  + content.length
                  + " bytes); raise --max-file-size to scan it"));
      return;
    }
    sink.accept(new Blob(file.blob(), content), new Provenance.Staged(file.path()));
  }

  private static Problem unreadable(StagedFile file, String why) {
    return Problem.error(file.path(), "cannot read the staged content: " + why);
  }

  private static int indexOf(byte[] data, byte value, int from) {
    for (int i = from; i < data.length; i++) {
      if (data[i] == value) {
        return i;
      }
    }
    return -1;
  }
}

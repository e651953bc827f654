package dev.rekey.scanner.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11, items 2 and 3: what a scan may read under its root, and what it never opens. */
class ScanRootTest {
  @TempDir Path temp;

  private Path root() throws Exception {
    return Files.createDirectories(temp.resolve("root"));
  }

  @Test
  void readsRegularFilesAndLinksThatStayInside() throws Exception {
    Path root = root();
    Path file = Files.writeString(root.resolve("a.txt"), "hello");
    Path link = Files.createSymbolicLink(root.resolve("b.txt"), file);
    ScanRoot scan = ScanRoot.of(root);
    assertThat(text(scan.read(file, 100))).isEqualTo("hello");
    assertThat(text(scan.read(link, 100))).isEqualTo("hello");
  }

  @Test
  void neverReadsThroughALinkOutOfTheRoot() throws Exception {
    Path root = root();
    Path outside = Files.createDirectories(temp.resolve("home"));
    Path token = Files.writeString(outside.resolve("hosts.yml"), "token");
    Files.createSymbolicLink(root.resolve("app.js.map"), token);
    Files.createSymbolicLink(root.resolve("maps"), outside);
    ScanRoot scan = ScanRoot.of(root);
    assertThat(scan.read(root.resolve("app.js.map"), 100))
        .isEqualTo(
            new ScanRoot.FileRead.Skipped(
                "a symbolic link to outside the scanned folder: not read"));
    assertThat(scan.read(root.resolve("maps/hosts.yml"), 100))
        .isEqualTo(
            new ScanRoot.FileRead.Skipped(
                "reached through a link to outside the scanned folder: not read"));
  }

  @Test
  void opensNoSpecialFile() throws Exception {
    Path root = root();
    Path fifo = root.resolve("pipe");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(ScanRoot.of(root).read(fifo, 100))
        .as("opening a FIFO would block until a writer came")
        .isEqualTo(new ScanRoot.FileRead.Skipped(ScanRoot.SPECIAL));
    assertThat(ScanRoot.of(Path.of("/dev")).read(Path.of("/dev/zero"), 100))
        .as("a device would be read until memory ran out")
        .isEqualTo(new ScanRoot.FileRead.Skipped(ScanRoot.SPECIAL));
  }

  @Test
  void readsNoMoreThanTheLimit() throws Exception {
    Path root = root();
    Path big = Files.writeString(root.resolve("big"), "x".repeat(101));
    assertThat(ScanRoot.of(root).read(big, 100))
        .isEqualTo(
            new ScanRoot.FileRead.Skipped(
                "larger than the size limit (101 bytes); raise --max-file-size to scan it"));
  }

  private static String text(ScanRoot.FileRead read) {
    assertThat(read).isInstanceOf(ScanRoot.FileRead.Content.class);
    return new String(((ScanRoot.FileRead.Content) read).bytes(), StandardCharsets.UTF_8);
  }
}

package dev.rekey.scanner.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11, item 2: what rekey writes replaces a link in its way and never writes through it. */
class AtomicFileTest {
  @TempDir Path temp;

  @Test
  void aLinkAtThePathIsReplacedAndItsTargetLeftAlone() throws Exception {
    Path target = Files.writeString(temp.resolve("bashrc"), "export PATH\n");
    Path link = Files.createSymbolicLink(temp.resolve("dir-baseline.json"), target);
    AtomicFile.write(link, AtomicFile.Access.AS_BEFORE, "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(Files.readString(target)).isEqualTo("export PATH\n");
    assertThat(Files.isSymbolicLink(link)).isFalse();
    assertThat(Files.readString(link)).isEqualTo("{}");
    assertThat(mode(link)).isEqualTo("rw-r--r--");
  }

  @Test
  void keepsTheModeOfTheFileItReplacesOrMakesItPrivate() throws Exception {
    Path file = Files.writeString(temp.resolve("f"), "old");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
    AtomicFile.write(file, AtomicFile.Access.AS_BEFORE, new byte[] {'n'});
    assertThat(mode(file)).isEqualTo("rw-rw----");
    AtomicFile.write(file, AtomicFile.Access.OWNER_ONLY, new byte[] {'s'});
    assertThat(mode(file)).isEqualTo("rw-------");
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws Exception {
    Path file = Files.writeString(temp.resolve("f"), "old");
    assertThatThrownBy(
            () ->
                AtomicFile.write(
                    file,
                    AtomicFile.Access.AS_BEFORE,
                    out -> {
                      out.write('x');
                      throw new IOException("disk full");
                    }))
        .hasMessage("disk full");
    assertThat(Files.readString(file)).isEqualTo("old");
    try (Stream<Path> files = Files.list(temp)) {
      assertThat(files).containsExactly(file);
    }
  }

  private static String mode(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }
}

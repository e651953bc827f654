package dev.rekey.scanner.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file whole or not at all: into a temporary file beside it, flushed to disk, then renamed
 * over it. A reader never sees half a file, a crash leaves the old one, and a symbolic link at the
 * path — say a committed {@code .rekey-baseline.json -> ~/.bashrc} — is replaced by the new file,
 * never written through.
 */
public final class AtomicFile {
  /** Who may read the file written. */
  public enum Access {
    /** Mode 0600: the file holds secrets or per-user state. */
    OWNER_ONLY,
    /** The mode of the regular file replaced, or 0644 for a new one (or one replacing a link). */
    AS_BEFORE
  }

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> ORDINARY =
      PosixFilePermissions.fromString("rw-r--r--");

  /** What goes into the file. */
  @FunctionalInterface
  public interface Content {
    /** Writes the content to {@code out}, which the caller closes. */
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFile() {}

  /**
   * Writes {@code content} to {@code path}.
   *
   * @throws IOException when the folder is not writable or the content fails; {@code path} is then
   *     unchanged
   */
  public static void write(Path path, Access access, Content content) throws IOException {
    Path target = path.toAbsolutePath();
    Path dir = target.getParent();
    String name = String.valueOf(target.getFileName());
    Path temp = Files.createTempFile(dir, "." + name + ".", ".tmp"); // created 0600
    try {
      Set<PosixFilePermission> mode = mode(target, access);
      if (!mode.equals(OWNER_ONLY)) {
        setMode(temp, mode);
      }
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        OutputStream out = Channels.newOutputStream(channel);
        content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      move(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Writes {@code bytes} to {@code path}; see {@link #write(Path, Access, Content)}. */
  public static void write(Path path, Access access, byte[] bytes) throws IOException {
    write(path, access, out -> out.write(bytes));
  }

  private static Set<PosixFilePermission> mode(Path target, Access access) {
    if (access == Access.OWNER_ONLY) {
      return OWNER_ONLY;
    }
    try {
      PosixFileAttributes before =
          Files.readAttributes(target, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return before.isRegularFile() ? before.permissions() : ORDINARY;
    } catch (IOException | UnsupportedOperationException e) {
      return ORDINARY; // no file yet, or a file system without POSIX modes
    }
  }

  private static void setMode(Path file, Set<PosixFilePermission> mode) throws IOException {
    try {
      Files.setPosixFilePermissions(file, mode);
    } catch (UnsupportedOperationException e) {
      // A file system without POSIX modes: the platform's default applies.
    }
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}

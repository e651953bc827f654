package dev.rekey.rotators.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Owner-only file permissions (0600) and directory fsync, where the file system has them. */
public final class OwnerOnly {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private OwnerOnly() {}

  /** {@code rw-------} on POSIX file systems; nothing elsewhere. */
  public static FileAttribute<?>[] fileAttribute() {
    if (!POSIX) {
      return new FileAttribute<?>[0];
    }
    Set<PosixFilePermission> perms = PosixFilePermissions.fromString("rw-------");
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(perms)};
  }

  /** {@code rwx------} on POSIX file systems; nothing elsewhere. */
  public static FileAttribute<?>[] directoryAttribute() {
    if (!POSIX) {
      return new FileAttribute<?>[0];
    }
    Set<PosixFilePermission> perms = PosixFilePermissions.fromString("rwx------");
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(perms)};
  }

  /** The folder holding {@code file} (the root for a file at the root). */
  public static Path folderOf(Path file) {
    Path absolute = file.toAbsolutePath();
    Path parent = absolute.getParent();
    return parent != null ? parent : absolute;
  }

  /** Makes a file's creation or rename in {@code dir} durable (a no-op where unsupported). */
  public static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Some file systems cannot open a directory for reading; the entry is then as durable as
      // the platform allows.
    }
  }
}

package dev.rekey.scanner.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A folder being scanned, whose files are read as hostile input: never through a symbolic link that
 * leaves it (a committed {@code dist/app.js.map -> ~/.config/gh/hosts.yml}, a folder link on the
 * way), never anything but a regular file (a FIFO would block the scan forever, a device would be
 * read until memory runs out), and never more than the size limit, however the file grows. Links
 * that stay inside the folder are followed. Thread-safe.
 */
public final class ScanRoot {
  /** Why a special file is not read. */
  public static final String SPECIAL = "a special file (FIFO, device or socket): not read";

  private final Path real;
  private final Map<Path, Boolean> folders = new ConcurrentHashMap<>();

  private ScanRoot(Path real) {
    this.real = real;
  }

  /**
   * The scan of {@code root}, which the user named: it may itself be reached through links.
   *
   * @throws IOException when it does not exist
   */
  public static ScanRoot of(Path root) throws IOException {
    return new ScanRoot(root.toRealPath());
  }

  /** What reading a file gave. */
  public sealed interface FileRead {
    /** The file's content. */
    @SuppressWarnings("ArrayRecordComponent") // handed on, never compared
    record Content(byte[] bytes) implements FileRead {}

    /**
     * The file was deliberately not read.
     *
     * @param reason why, e.g. {@code a special file (FIFO, device or socket): not read}
     */
    record Skipped(String reason) implements FileRead {}
  }

  /**
   * Reads {@code file}, a path under this folder.
   *
   * @throws java.nio.file.NoSuchFileException when it does not exist
   * @throws IOException when it cannot be read
   */
  public FileRead read(Path file, long maxBytes) throws IOException {
    BasicFileAttributes attributes =
        Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    Path target = file;
    if (attributes.isSymbolicLink()) {
      try {
        target = file.toRealPath();
      } catch (NoSuchFileException e) {
        return new FileRead.Skipped("a symbolic link to nothing: not read");
      }
      if (!target.startsWith(real)) {
        return new FileRead.Skipped("a symbolic link to outside the scanned folder: not read");
      }
      attributes =
          Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } else if (!inside(file.toAbsolutePath().getParent())) {
      return new FileRead.Skipped("reached through a link to outside the scanned folder: not read");
    }
    if (!attributes.isRegularFile()) {
      return new FileRead.Skipped(attributes.isOther() ? SPECIAL : "not a regular file: not read");
    }
    if (attributes.size() > maxBytes) {
      return tooLarge(attributes.size() + " bytes");
    }
    try (InputStream in = Files.newInputStream(target, LinkOption.NOFOLLOW_LINKS)) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      return bytes.length > maxBytes
          ? tooLarge("over " + maxBytes + " bytes")
          : new FileRead.Content(bytes);
    }
  }

  /** Whether {@code path} names this folder, or a file or folder under it, on disk. */
  public boolean contains(Path path) throws IOException {
    return path.toRealPath().startsWith(real);
  }

  private boolean inside(@Nullable Path folder) throws IOException {
    if (folder == null) {
      return false;
    }
    Boolean known = folders.get(folder);
    if (known != null) {
      return known;
    }
    boolean inside = folder.toRealPath().startsWith(real);
    folders.put(folder, inside);
    return inside;
  }

  private static FileRead tooLarge(String size) {
    return new FileRead.Skipped(
        "larger than the size limit (" + size + "); raise --max-file-size to scan it");
  }
}

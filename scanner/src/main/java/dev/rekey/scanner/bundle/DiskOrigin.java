package dev.rekey.scanner.bundle;

import dev.rekey.scanner.files.ScanRoot;
import dev.rekey.scanner.model.Exposure;
import dev.rekey.scanner.model.OriginalPositions;
import dev.rekey.scanner.model.Provenance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Build folders on disk; asset names are paths relative to the scanned root. Assets are read only
 * inside it ({@link ScanRoot}): a source map that is a link to a file elsewhere, or a {@code
 * sourceMappingURL} into a linked folder, is skipped, not read.
 */
final class DiskOrigin implements AssetOrigin {
  private final Path root;
  private final ScanRoot confined;
  private final List<BuildFolder> folders;
  private final long maxBytes;

  DiskOrigin(Path root, ScanRoot confined, List<BuildFolder> folders, long maxBytes) {
    this.root = root;
    this.confined = confined;
    this.folders = List.copyOf(folders);
    this.maxBytes = maxBytes;
  }

  @Override
  public Provenance provenance(
      String name, Exposure exposure, @Nullable OriginalPositions positions) {
    return new Provenance.Bundle(name, exposure, positions);
  }

  /**
   * The exposure the build folder gives {@code name}; code in a generic build folder or in none is
   * public unless it is clearly server code ({@link GeneratedCode#isServerCode}).
   */
  @Override
  public Exposure exposure(String name, byte[] content) {
    BuildFolder folder = folderOf(name);
    boolean generic = folder == null || folder.layout() == BuildFolder.Layout.GENERIC;
    if (generic && GeneratedCode.isCode(name) && GeneratedCode.isServerCode(name, content)) {
      return Exposure.SERVER;
    }
    if (folder == null) {
      return Exposure.PUBLIC;
    }
    String inner = name.equals(folder.path()) ? "" : name.substring(folder.path().length() + 1);
    return folder.exposure(folder.path().isEmpty() ? name : inner);
  }

  /** The innermost folder holding {@code name}, or null. */
  @Nullable BuildFolder folderOf(String name) {
    BuildFolder found = null;
    for (BuildFolder folder : folders) {
      if (folder.covers(name)
          && (found == null || folder.path().length() > found.path().length())) {
        found = folder;
      }
    }
    return found;
  }

  /**
   * Resolves {@code reference} in {@code from}, a URL whose escapes name files ({@code
   * %5Broot%5D.js.map}); a root path is taken from the build folder.
   */
  @Override
  public @Nullable String resolve(String from, String reference) {
    String ref = SourceNames.decode(reference.replaceFirst("[?#].*$", ""));
    if (ref.isEmpty() || ref.contains(":") || ref.startsWith("//")) {
      return null;
    }
    BuildFolder folder = folderOf(from);
    String dir =
        ref.startsWith("/") ? (folder == null ? null : folder.path()) : SourceNames.parent(from);
    if (dir == null) {
      return null;
    }
    String name = SourceNames.normalize(dir.isEmpty() ? ref : dir + "/" + ref, false);
    return name.startsWith("..") ? null : name;
  }

  @Override
  public byte @Nullable [] read(String name) throws IOException {
    Path file = root.resolve(name);
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    return switch (confined.read(file, maxBytes)) {
      case ScanRoot.FileRead.Content content -> content.bytes();
      case ScanRoot.FileRead.Skipped skipped -> throw new SkippedAsset(skipped.reason());
    };
  }

  @Override
  public String sourceDir(String mapName) {
    return SourceNames.parent(mapName);
  }

  @Override
  public String absoluteRoot() {
    return root.toAbsolutePath()
        .normalize()
        .toString()
        .replace(root.getFileSystem().getSeparator(), "/");
  }
}

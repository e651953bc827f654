package dev.rekey.scanner.bundle;

import dev.rekey.scanner.files.ScanRoot;
import dev.rekey.scanner.model.Provenance;
import dev.rekey.scanner.pipeline.BlobSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Bundles that lie outside every build folder — a library build committed under {@code
 * web/dist/assets/}, a widget, an embedded sub-app — recognised by what they are: JavaScript or CSS
 * that ends with a source map reference, lies beside its map ({@code app.js.map}) or is minified
 * ({@link GeneratedCode}), and source maps. They are scanned as bundles: findings map back to the
 * original sources, embedded sources are scanned, and the code is public unless it is clearly
 * server code. Thread-safe.
 */
final class LooseBundles {
  private final Path root;
  private final DiskOrigin origin;
  private final AssetScanner scanner;
  private final BlobSink sink;
  private final Queue<String> maps = new ConcurrentLinkedQueue<>();

  LooseBundles(Path root, ScanRoot confined, long maxBytes, BlobSink sink) {
    this.root = root;
    this.origin = new DiskOrigin(root, confined, List.of(), maxBytes);
    this.scanner = new AssetScanner(origin, sink);
    this.sink = sink;
  }

  /**
   * Takes the file seen at {@code provenance} if it is a bundle, scanning it as one (a source map
   * is kept for {@link #finish}, once the code it maps has been read); false when it is a plain
   * file, for the caller to scan.
   */
  boolean offer(Provenance provenance, byte[] bytes) {
    if (!(provenance instanceof Provenance.File file)) {
      return false;
    }
    String path = file.path();
    if (AssetScanner.isMap(path)) {
      if (!GeneratedCode.isSourceMap(bytes)) {
        return false;
      }
      maps.add(path);
      return true;
    }
    if (!GeneratedCode.isCode(path)
        || !(GeneratedCode.isGenerated(bytes)
            || Files.isRegularFile(root.resolve(path + ".map")))) {
      return false;
    }
    scanner.scan(path, bytes, null);
    return true;
  }

  /** Scans the source maps that no bundle named (their embedded sources). */
  void finish() {
    for (String map : maps) {
      BundleSource.scanFile(origin, scanner, map, sink);
    }
  }
}

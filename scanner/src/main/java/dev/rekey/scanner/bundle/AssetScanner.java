package dev.rekey.scanner.bundle;

import dev.rekey.scanner.model.Blob;
import dev.rekey.scanner.model.Exposure;
import dev.rekey.scanner.model.OriginalPositions;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.model.Provenance;
import dev.rekey.scanner.pipeline.BlobSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Pushes bundle assets to a sink: generated JavaScript and CSS with their source map (referenced by
 * a comment, an HTTP header, or lying beside them), so that findings map back to original sources;
 * the sources embedded in each map, once per map; everything else as it is. Thread-safe.
 */
final class AssetScanner {
  private static final Set<String> SCRIPTS =
      Set.of("js", "mjs", "cjs", "jsx", "jsbundle", "bundle");

  private final AssetOrigin origin;
  private final BlobSink sink;
  private final Set<String> mapsScanned = ConcurrentHashMap.newKeySet();

  AssetScanner(AssetOrigin origin, BlobSink sink) {
    this.origin = origin;
    this.sink = sink;
  }

  /** Whether {@code name} is a source map by its name. */
  static boolean isMap(String name) {
    return extension(name).equals("map");
  }

  /** Whether {@code name} is JavaScript by its name (the assets that import other chunks). */
  static boolean isScript(String name) {
    return SCRIPTS.contains(extension(name));
  }

  /**
   * Scans asset {@code name}. {@code mapHint} is a source map reference found outside the content
   * (an HTTP header), or null.
   */
  void scan(String name, byte[] bytes, @Nullable String mapHint) {
    Exposure exposure = origin.exposure(name, bytes);
    if (isMap(name)) {
      scanMap(name, bytes, exposure);
      return;
    }
    if (!isScript(name) && !extension(name).equals("css")) {
      push(bytes, name, exposure, null);
      return;
    }
    SourceMapReference reference = SourceMapReference.find(bytes);
    if (reference != null && reference.isInline()) {
      scanInline(name, bytes, exposure, reference);
      return;
    }
    String mapName = mapName(name, reference == null ? mapHint : reference.url());
    push(bytes, name, exposure, mapName == null ? null : loadMap(mapName, name, exposure));
  }

  /** A source map found on its own: its embedded sources, or its text if it is no map. */
  private void scanMap(String name, byte[] bytes, Exposure exposure) {
    if (!mapsScanned.add(name)) {
      return;
    }
    try {
      pushEmbedded(
          name, exposure, SourceMap.parse(bytes, origin.sourceDir(name), origin.absoluteRoot()));
    } catch (SourceMapException e) {
      push(bytes, name, exposure, null);
    }
  }

  /** A file carrying its map in a data URI: the map's sources, and the code without the URI. */
  private void scanInline(String name, byte[] bytes, Exposure exposure, SourceMapReference inline) {
    byte[] code = Arrays.copyOf(bytes, inline.start());
    try {
      SourceMap.Parsed parsed =
          SourceMap.parse(inline.inlineMap(), origin.sourceDir(name), origin.absoluteRoot());
      pushEmbedded(name, exposure, parsed);
      push(code, name, exposure, parsed.map());
    } catch (SourceMapException e) {
      push(bytes, name, exposure, null);
    }
  }

  /** The map named by {@code reference}, else the {@code .map} beside {@code name}. */
  private @Nullable String mapName(String name, @Nullable String reference) {
    String named = reference == null ? null : origin.resolve(name, reference);
    if (named != null) {
      return named;
    }
    String path = name.replaceFirst("[?#].*$", "");
    return origin.resolve(name, path.substring(path.lastIndexOf('/') + 1) + ".map");
  }

  /**
   * Reads and parses map {@code mapName} of asset {@code from}, whose exposure its embedded sources
   * share (a map is published, or not, with its code); null when absent or broken.
   */
  private @Nullable SourceMap loadMap(String mapName, String from, Exposure exposure) {
    byte[] json = readMap(mapName, from);
    if (json == null) {
      return null;
    }
    try {
      SourceMap.Parsed parsed =
          SourceMap.parse(json, origin.sourceDir(mapName), origin.absoluteRoot());
      if (mapsScanned.add(mapName)) {
        pushEmbedded(mapName, exposure, parsed);
      }
      return parsed.map();
    } catch (SourceMapException e) {
      if (mapsScanned.add(mapName)) {
        push(json, mapName, exposure, null);
      }
      return null;
    }
  }

  /** The map's bytes; null when absent or not read (which is reported). */
  private byte @Nullable [] readMap(String mapName, String from) {
    try {
      return origin.read(mapName);
    } catch (SkippedAsset e) {
      sink.problem(
          Problem.skipped(mapName, "source map of " + from + " not read: " + e.getMessage()));
    } catch (IOException e) {
      sink.problem(
          Problem.error(mapName, "source map of " + from + " not read: " + SiteFetcher.reason(e)));
    }
    return null;
  }

  private void pushEmbedded(String mapName, Exposure exposure, SourceMap.Parsed parsed) {
    Provenance map = origin.provenance(mapName, exposure, null);
    for (SourceMap.Embedded source : parsed.embedded()) {
      sink.accept(
          Blob.of(source.content().getBytes(StandardCharsets.UTF_8)),
          new Provenance.Embedded(source.path(), map));
    }
  }

  private void push(
      byte[] bytes, String name, Exposure exposure, @Nullable OriginalPositions positions) {
    sink.accept(Blob.of(bytes), origin.provenance(name, exposure, positions));
  }

  /** The lower-case extension of the last segment of {@code name}, ignoring a query. */
  static String extension(String name) {
    String path = name.replaceFirst("[?#].*$", "");
    String last = path.substring(path.lastIndexOf('/') + 1);
    int dot = last.lastIndexOf('.');
    return dot < 0 ? "" : last.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}

package dev.rekey.scanner.bundle;

import dev.rekey.scanner.model.Exposure;
import dev.rekey.scanner.model.OriginalPositions;
import dev.rekey.scanner.model.Provenance;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Where bundle assets come from and how they are named: a build folder on disk (names are paths
 * relative to the scanned root) or a deployed site (names are URLs).
 */
interface AssetOrigin {

  /** The provenance of asset {@code name}. */
  Provenance provenance(String name, Exposure exposure, @Nullable OriginalPositions positions);

  /** Who can read asset {@code name}, whose content is {@code content}. */
  Exposure exposure(String name, byte[] content);

  /**
   * The asset that {@code reference}, written in asset {@code from}, names; null if not followed.
   */
  @Nullable String resolve(String from, String reference);

  /**
   * The content of asset {@code name}, or null when there is none.
   *
   * @throws IOException when it exists but cannot be read; the message says why
   */
  byte @Nullable [] read(String name) throws IOException;

  /** The folder against which a source map's relative source names resolve. */
  String sourceDir(String mapName);

  /** The root's absolute path on disk ({@code /}-separated), or null for a site. */
  @Nullable String absoluteRoot();
}

package dev.rekey.scanner.bundle;

import java.io.IOException;

/**
 * An asset deliberately not read: over the size limit, or past a limit of a site's crawl. It is
 * reported as skipped, not as an error.
 */
class SkippedAsset extends IOException {
  private static final long serialVersionUID = 1L;

  SkippedAsset(String message) {
    super(message);
  }

  /** The message for an asset of {@code size} bytes over {@code limit}. */
  static SkippedAsset tooLarge(long size, long limit) {
    return new SkippedAsset(
        "larger than the size limit ("
            + (size > limit ? size + " bytes" : "over " + limit + " bytes")
            + "); raise --max-file-size to scan it");
  }
}

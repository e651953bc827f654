package dev.rekey.scanner.bundle;

import java.io.IOException;

/**
 * An asset deliberately not read: over the size limit, a special file or a link out of the scanned
 * folder, or past a limit of a site's crawl. It is reported as skipped, not as an error.
 */
class SkippedAsset extends IOException {
  private static final long serialVersionUID = 1L;

  SkippedAsset(String message) {
    super(message);
  }
}

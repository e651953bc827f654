package dev.rekey.scanner.baseline;

import dev.rekey.scanner.files.ScanRoot;
import dev.rekey.scanner.model.Finding;
import dev.rekey.scanner.model.Location;
import java.io.IOException;
import java.nio.file.Path;

/** Known findings that a scan does not report again. */
public sealed interface Baseline permits RekeyBaseline, GitleaksIgnore, DetectSecretsBaseline {

  /** The file this baseline was read from. */
  Path file();

  /** Whether this baseline lists {@code finding} at {@code location}. */
  boolean covers(Finding finding, Location location);

  /**
   * Reads a baseline, recognising its format: a {@code .gitleaksignore} (lines of gitleaks
   * fingerprints), a detect-secrets baseline (JSON with {@code results}) or rekey's own.
   *
   * @throws BaselineException when the file cannot be read or parsed
   */
  static Baseline read(Path file) throws BaselineException {
    return BaselineReader.read(file);
  }

  /**
   * Reads a baseline that lies in a scanned folder, {@code root}, as {@link #read} does but without
   * following a link out of it or opening a special file.
   *
   * @throws BaselineException when the file cannot be read or parsed, or leads out of {@code root}
   */
  static Baseline readInside(Path file, Path root) throws BaselineException {
    try {
      return BaselineReader.read(file, ScanRoot.of(root));
    } catch (IOException e) {
      throw new BaselineException(root + ": cannot read: " + e.getMessage(), e);
    }
  }
}

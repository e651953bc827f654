/**
 * The scan pipeline: {@link dev.rekey.scanner.Source sources} push {@link dev.rekey.scanner.Blob
 * blobs} with their {@link dev.rekey.scanner.Provenance provenance}; each unique blob is scanned
 * once by a {@link dev.rekey.detectors.Detector}; matches of the same secret are grouped into
 * {@link dev.rekey.scanner.Finding findings}, collected in a {@link dev.rekey.scanner.ScanResult}.
 */
@NullMarked
package dev.rekey.scanner;

import org.jspecify.annotations.NullMarked;

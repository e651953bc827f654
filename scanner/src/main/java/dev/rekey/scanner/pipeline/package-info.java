/**
 * The scan pipeline: {@link dev.rekey.scanner.pipeline.Source sources} push blobs to a {@link
 * dev.rekey.scanner.pipeline.BlobSink}; the {@link dev.rekey.scanner.pipeline.DetectingSink} runs
 * the {@link dev.rekey.detectors.Detector} on each unique blob once, and the matches of the same
 * secret are grouped into findings of a {@link dev.rekey.scanner.model.ScanResult}. The contract a
 * source implements lives here too, with the settings every source obeys.
 */
@NullMarked
package dev.rekey.scanner.pipeline;

import org.jspecify.annotations.NullMarked;

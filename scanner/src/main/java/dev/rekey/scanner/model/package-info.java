/**
 * The data model of a scan, shared by every source, the pipeline and the reports: a {@link
 * dev.rekey.scanner.model.Blob} (id and bytes) seen at a {@link
 * dev.rekey.scanner.model.Provenance}; the matches of one secret grouped into a {@link
 * dev.rekey.scanner.model.Finding} with its {@link dev.rekey.scanner.model.Location locations}; and
 * the {@link dev.rekey.scanner.model.ScanResult} with its statistics and {@link
 * dev.rekey.scanner.model.Problem problems}. Values only: nothing here reads files or runs a
 * detector.
 */
@NullMarked
package dev.rekey.scanner.model;

import org.jspecify.annotations.NullMarked;

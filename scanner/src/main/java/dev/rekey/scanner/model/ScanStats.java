package dev.rekey.scanner.model;

import java.time.Duration;

/**
 * What a scan covered.
 *
 * @param blobs unique blobs scanned
 * @param bytes bytes of unique blobs scanned
 * @param skipped blobs or files skipped (binary, too large)
 * @param elapsed wall-clock time of the scan
 * @param commits commits of git history listed (0 when no history was scanned)
 * @param refs refs and other named tips the history was listed from
 */
public record ScanStats(
    long blobs, long bytes, long skipped, Duration elapsed, long commits, long refs) {}

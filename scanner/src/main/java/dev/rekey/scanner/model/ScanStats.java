package dev.rekey.scanner.model;

import java.time.Duration;

/**
 * What a scan covered.
 *
 * @param blobs unique blobs scanned
 * @param bytes bytes of unique blobs scanned
 * @param skipped blobs or files skipped (binary, too large)
 * @param elapsed wall-clock time of the scan
 */
public record ScanStats(long blobs, long bytes, long skipped, Duration elapsed) {}

package dev.rekey.scanner.model;

/**
 * A position in an original source file, as a source map tells it for generated code.
 *
 * @param path the original file, relative to the scanned root where it resolves inside it, else as
 *     the source map names it
 * @param line 1-based line
 * @param column 1-based column (in UTF-16 code units, as source maps count)
 */
public record OriginalPosition(String path, int line, int column) {}

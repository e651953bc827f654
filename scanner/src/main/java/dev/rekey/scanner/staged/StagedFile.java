package dev.rekey.scanner.staged;

import dev.rekey.scanner.model.BlobId;

/**
 * A file a commit would add or change.
 *
 * @param path the path in the index, {@code /}-separated, relative to the top of the working tree
 * @param blob the id of the staged content
 * @param addedLines the lines of the staged content that the commit adds or changes
 */
public record StagedFile(String path, BlobId blob, LineRanges addedLines) {}

package dev.rekey.scanner.model;

/**
 * Content to scan, identified by its {@link BlobId}. Where the content was seen is a separate
 * {@link Provenance}: one blob may be seen at many places and is scanned once.
 *
 * @param id the content's git object id
 * @param bytes the content; not copied and never modified
 */
@SuppressWarnings("ArrayRecordComponent") // Blobs are large; copying them defeats the pipeline.
public record Blob(BlobId id, byte[] bytes) {

  /** A blob of {@code bytes}, identified by their git blob id. */
  public static Blob of(byte[] bytes) {
    return new Blob(BlobId.of(bytes), bytes);
  }
}

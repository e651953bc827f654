package dev.rekey.detectors.decode;

/**
 * Text decoded from an encoded span of scanned content.
 *
 * @param encoding what was decoded, e.g. {@code base64}; recorded as the match's {@code encoding}
 * @param start offset of the encoded span's first byte in the scanned content
 * @param end offset just past the encoded span
 * @param bytes the decoded bytes
 * @param offsets for each decoded byte, the offset of its encoded form in the scanned content; one
 *     more entry than {@code bytes}, the last being {@code end}
 */
@SuppressWarnings("ArrayRecordComponent") // Built once per decoding and never shared or changed.
public record Decoded(String encoding, int start, int end, byte[] bytes, int[] offsets) {

  public Decoded {
    if (offsets.length != bytes.length + 1) {
      throw new IllegalArgumentException("offsets must map every decoded byte and the end");
    }
  }

  /** The offset in the scanned content of decoded offset {@code i} (0 to {@code bytes.length}). */
  public int source(int i) {
    return offsets[i];
  }
}

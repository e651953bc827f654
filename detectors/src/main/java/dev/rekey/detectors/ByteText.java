package dev.rekey.detectors;

import java.nio.charset.StandardCharsets;

/**
 * A zero-copy {@link CharSequence} view of bytes, one char per byte (ISO-8859-1). Regular
 * expressions run over it so that match offsets are byte offsets into the scanned content. Not
 * final only so that tests can count the characters a pattern reads.
 */
public class ByteText implements CharSequence {
  private final byte[] bytes;
  private final int from;
  private final int to;

  /** A view of all of {@code bytes}. The array is not copied and must not change while in use. */
  public ByteText(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  private ByteText(byte[] bytes, int from, int to) {
    this.bytes = bytes;
    this.from = from;
    this.to = to;
  }

  /** The underlying bytes (not copied). */
  public byte[] bytes() {
    return bytes;
  }

  @Override
  public int length() {
    return to - from;
  }

  @Override
  public char charAt(int index) {
    return (char) (bytes[from + index] & 0xff);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return new ByteText(bytes, from + start, from + end);
  }

  /** The bytes in {@code [start, end)} decoded as UTF-8. */
  public String utf8(int start, int end) {
    return new String(bytes, from + start, end - start, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
  }
}

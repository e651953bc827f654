package dev.rekey.detectors.decode;

/** Encodes code points as UTF-8 without allocating. */
final class Utf8 {
  private Utf8() {}

  /**
   * Writes {@code code} at {@code out[at]} and returns the offset after it. Surrogates are written
   * as {@code ?}, as Java's encoder does. The caller leaves room for four bytes per escape: every
   * escape is at least two bytes long and encodes to at most four only when it is six or more.
   */
  static int encode(int code, byte[] out, int at) {
    if (code < 0x80) {
      out[at] = (byte) code;
      return at + 1;
    }
    if (code < 0x800) {
      out[at] = (byte) (0xC0 | code >> 6);
      out[at + 1] = (byte) (0x80 | (code & 0x3F));
      return at + 2;
    }
    if (code >= 0xD800 && code <= 0xDFFF) {
      out[at] = '?';
      return at + 1;
    }
    if (code < 0x10000) {
      out[at] = (byte) (0xE0 | code >> 12);
      out[at + 1] = (byte) (0x80 | (code >> 6 & 0x3F));
      out[at + 2] = (byte) (0x80 | (code & 0x3F));
      return at + 3;
    }
    out[at] = (byte) (0xF0 | code >> 18);
    out[at + 1] = (byte) (0x80 | (code >> 12 & 0x3F));
    out[at + 2] = (byte) (0x80 | (code >> 6 & 0x3F));
    out[at + 3] = (byte) (0x80 | (code & 0x3F));
    return at + 4;
  }
}

package dev.rekey.detectors.decode;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** Decodes standard or URL-safe base64 that turns out to be text, keeping decoded offsets. */
final class Base64Text {
  private static final int[] VALUE = new int[256];

  static {
    Arrays.fill(VALUE, -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < alphabet.length(); i++) {
      VALUE[alphabet.charAt(i)] = i;
    }
    VALUE['-'] = 62;
    VALUE['_'] = 63;
  }

  private Base64Text() {}

  /** Whether {@code b} may appear in base64 text (either alphabet, or padding). */
  static boolean isBase64(byte b) {
    return VALUE[b & 0xff] >= 0 || b == '=';
  }

  /** The end of the run of base64 characters (padding included) starting at {@code from}. */
  static int runEnd(byte[] data, int from, int limit) {
    int i = from;
    while (i < limit && VALUE[data[i] & 0xff] >= 0) {
      i++;
    }
    while (i < limit && data[i] == '=' && i - from < 2_000_000) {
      i++;
    }
    return i;
  }

  /**
   * Decodes {@code data[start, end)}; null unless it is well-formed base64 of at least {@code
   * minBytes} bytes of printable text.
   */
  static @Nullable Decoded decode(byte[] data, int start, int end, int minBytes, String encoding) {
    int stop = end;
    while (stop > start && data[stop - 1] == '=') {
      stop--;
    }
    int chars = stop - start;
    if (chars % 4 == 1 || chars * 3 / 4 < minBytes) {
      return null;
    }
    int size = chars * 3 / 4;
    byte[] out = new byte[size];
    int[] offsets = new int[size + 1];
    int bits = 0;
    int count = 0;
    int n = 0;
    for (int i = start; i < stop; i++) {
      int v = VALUE[data[i] & 0xff];
      if (v < 0) {
        return null;
      }
      bits = (bits << 6) | v;
      count += 6;
      if (count >= 8) {
        count -= 8;
        offsets[n] = start + n / 3 * 4 + n % 3;
        out[n++] = (byte) (bits >> count);
      }
    }
    offsets[size] = end;
    return Printable.isText(out) ? new Decoded(encoding, start, end, out, offsets) : null;
  }
}

package dev.rekey.detectors.decode;

/** Hexadecimal digits. */
final class Hex {
  private Hex() {}

  /** The value of hex digit {@code b}, or -1. */
  static int value(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    return -1;
  }

  /** The value of {@code count} hex digits at {@code data[from]}, or -1. */
  static int value(byte[] data, int from, int count) {
    if (from + count > data.length) {
      return -1;
    }
    int v = 0;
    for (int i = from; i < from + count; i++) {
      int d = value(data[i]);
      if (d < 0) {
        return -1;
      }
      v = v << 4 | d;
    }
    return v;
  }
}

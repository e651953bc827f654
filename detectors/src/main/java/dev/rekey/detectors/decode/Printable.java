package dev.rekey.detectors.decode;

/** Whether decoded bytes are text worth scanning rather than binary data. */
final class Printable {
  private Printable() {}

  /** At least 95% printable ASCII or whitespace, and no NUL. */
  static boolean isText(byte[] bytes) {
    if (bytes.length == 0) {
      return false;
    }
    int printable = 0;
    for (byte b : bytes) {
      if (b == 0) {
        return false;
      }
      if ((b >= 0x20 && b < 0x7f) || b == '\n' || b == '\r' || b == '\t') {
        printable++;
      }
    }
    return printable * 20 >= bytes.length * 19;
  }
}

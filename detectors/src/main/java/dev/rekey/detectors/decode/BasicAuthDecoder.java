package dev.rekey.detectors.decode;

import java.util.List;

/** The base64 {@code user:password} of an HTTP {@code Authorization: Basic} header. */
public final class BasicAuthDecoder implements Decoder {
  @Override
  public List<String> keywords() {
    return List.of("basic ");
  }

  @Override
  public int decode(byte[] data, int hitStart, int hitEnd, List<Decoded> out) {
    int start = hitEnd;
    while (start < data.length && data[start] == ' ') {
      start++;
    }
    int end = Base64Text.runEnd(data, start, Math.min(data.length, start + 1024));
    Decoded decoded = Base64Text.decode(data, start, end, 3, "base64");
    if (decoded != null && contains(decoded.bytes(), (byte) ':')) {
      out.add(decoded);
    }
    return hitEnd;
  }

  private static boolean contains(byte[] bytes, byte wanted) {
    for (byte b : bytes) {
      if (b == wanted) {
        return true;
      }
    }
    return false;
  }
}

package dev.rekey.detectors.decode;

import java.util.List;

/**
 * A PEM block written in base64 as a whole, where a value must fit on one line: a kubeconfig's
 * {@code client-key-data}, a Helm value, an environment variable. Base64 of {@code -----BEGIN }
 * always starts {@code LS0tLS1CRUdJTi}, whatever follows.
 */
public final class Base64PemDecoder implements Decoder {
  /** At most this many characters of base64 are decoded: a 16 kB RSA key fits with room. */
  private static final int MAX_CHARS = 64 * 1024;

  @Override
  public List<String> keywords() {
    return List.of("ls0tls1crudjti");
  }

  @Override
  public int decode(byte[] data, int hitStart, int hitEnd, List<Decoded> out) {
    if (hitStart > 0 && Base64Text.isBase64(data[hitStart - 1])) {
      return hitEnd; // inside a longer run, not at the start of the encoded block
    }
    int end = Base64Text.runEnd(data, hitStart, Math.min(data.length, hitStart + MAX_CHARS));
    Decoded decoded = Base64Text.decode(data, hitStart, end, 40, "base64");
    if (decoded != null) {
      out.add(decoded);
    }
    return end;
  }
}

package dev.rekey.detectors.decode;

import java.util.List;

/**
 * The base64 {@code user:password} in the {@code "auth"} field of a Docker {@code config.json} (or
 * a Kubernetes {@code .dockerconfigjson}, once that is decoded).
 */
public final class DockerAuthDecoder implements Decoder {
  @Override
  public List<String> keywords() {
    return List.of("\"auth\"");
  }

  @Override
  public int decode(byte[] data, int hitStart, int hitEnd, List<Decoded> out) {
    int i = hitEnd;
    while (i < data.length && (data[i] == ' ' || data[i] == ':' || data[i] == '\t')) {
      i++;
    }
    if (i >= data.length || data[i] != '"') {
      return hitEnd;
    }
    int end = Base64Text.runEnd(data, i + 1, Math.min(data.length, i + 1025));
    Decoded decoded = Base64Text.decode(data, i + 1, end, 3, "base64");
    if (decoded != null
        && new String(decoded.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1).indexOf(':')
            > 0) {
      out.add(decoded);
    }
    return hitEnd;
  }
}

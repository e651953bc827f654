package dev.rekey.detectors.decode;

import java.util.List;

/**
 * The base64 values of a YAML {@code data:} block, as in a Kubernetes {@code Secret}: each indented
 * {@code key: value} line under a {@code data:} line is decoded.
 */
public final class KubernetesSecretDecoder implements Decoder {
  private static final int MAX_LINES = 500;

  @Override
  public List<String> keywords() {
    return List.of("data:");
  }

  @Override
  public int decode(byte[] data, int hitStart, int hitEnd, List<Decoded> out) {
    int lineStart = hitStart;
    while (lineStart > 0 && (data[lineStart - 1] == ' ' || data[lineStart - 1] == '\t')) {
      lineStart--;
    }
    if ((lineStart > 0 && data[lineStart - 1] != '\n') || !restOfLineBlank(data, hitEnd)) {
      return hitEnd;
    }
    int indent = hitStart - lineStart;
    int line = nextLine(data, hitEnd);
    for (int n = 0; n < MAX_LINES && line < data.length; n++, line = nextLine(data, line)) {
      int first = skipSpaces(data, line);
      if (first >= data.length || data[first] == '\n' || data[first] == '\r') {
        continue;
      }
      if (first - line <= indent) {
        return line;
      }
      decodeEntry(data, first, out);
    }
    return Math.min(line, data.length);
  }

  private static void decodeEntry(byte[] data, int keyStart, List<Decoded> out) {
    int colon = keyStart;
    while (colon < data.length && data[colon] != ':' && data[colon] != '\n') {
      colon++;
    }
    if (colon >= data.length || data[colon] != ':') {
      return;
    }
    int value = skipSpaces(data, colon + 1);
    if (value < data.length && (data[value] == '"' || data[value] == '\'')) {
      value++;
    }
    int end = Base64Text.runEnd(data, value, data.length);
    Decoded decoded = Base64Text.decode(data, value, end, 4, "base64");
    if (decoded != null) {
      out.add(decoded);
    }
  }

  private static boolean restOfLineBlank(byte[] data, int from) {
    int i = skipSpaces(data, from);
    return i >= data.length || data[i] == '\n' || data[i] == '\r' || data[i] == '#';
  }

  private static int skipSpaces(byte[] data, int from) {
    int i = from;
    while (i < data.length && (data[i] == ' ' || data[i] == '\t')) {
      i++;
    }
    return i;
  }

  private static int nextLine(byte[] data, int from) {
    int i = from;
    while (i < data.length && data[i] != '\n') {
      i++;
    }
    return i + 1;
  }
}

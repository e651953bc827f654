package dev.rekey.scanner.bundle;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the {@code mappings} of a source map from absolute segments, encoding them as the spec
 * says (base64 VLQ, fields relative to the previous segment), so that tests state positions
 * plainly.
 */
final class MapWriter {
  private static final String BASE64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  private final List<List<int[]>> lines = new ArrayList<>();

  /** Maps 0-based generated (line, column) to 0-based (source, line, column) of the original. */
  MapWriter map(int line, int column, int source, int originalLine, int originalColumn) {
    while (lines.size() <= line) {
      lines.add(new ArrayList<>());
    }
    lines.get(line).add(new int[] {column, source, originalLine, originalColumn});
    return this;
  }

  /** A segment with a generated column only (no original). */
  MapWriter unmapped(int line, int column) {
    while (lines.size() <= line) {
      lines.add(new ArrayList<>());
    }
    lines.get(line).add(new int[] {column});
    return this;
  }

  String mappings() {
    StringBuilder out = new StringBuilder();
    int source = 0;
    int originalLine = 0;
    int originalColumn = 0;
    for (int l = 0; l < lines.size(); l++) {
      if (l > 0) {
        out.append(';');
      }
      int column = 0;
      for (int s = 0; s < lines.get(l).size(); s++) {
        int[] segment = lines.get(l).get(s);
        if (s > 0) {
          out.append(',');
        }
        out.append(vlq(segment[0] - column));
        column = segment[0];
        if (segment.length > 1) {
          out.append(vlq(segment[1] - source))
              .append(vlq(segment[2] - originalLine))
              .append(vlq(segment[3] - originalColumn));
          source = segment[1];
          originalLine = segment[2];
          originalColumn = segment[3];
        }
      }
    }
    return out.toString();
  }

  static String vlq(int value) {
    long rest = value < 0 ? (-(long) value << 1) | 1 : (long) value << 1;
    StringBuilder out = new StringBuilder();
    do {
      int digit = (int) (rest & 0x1F);
      rest >>>= 5;
      out.append(BASE64.charAt(rest > 0 ? digit | 0x20 : digit));
    } while (rest > 0);
    return out.toString();
  }
}

package dev.rekey.scanner.bundle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The decoded {@code mappings} of a source map: for each generated line, its segments as runs of
 * four ints — generated column, source index (-1 for a segment without a source), original line and
 * original column, all 0-based.
 */
final class Mappings {
  private static final int[] NO_SEGMENTS = new int[0];

  private final int[][] lines;

  private Mappings(int[][] lines) {
    this.lines = lines;
  }

  /**
   * Decodes {@code mappings}.
   *
   * @throws SourceMapException when a segment is malformed
   */
  static Mappings decode(String mappings) throws SourceMapException {
    List<int[]> lines = new ArrayList<>();
    Decoder decoder = new Decoder(mappings);
    int[] line = new int[32];
    int used = 0;
    while (true) {
      if (decoder.atSegment()) {
        if (used + 4 > line.length) {
          line = Arrays.copyOf(line, line.length * 2);
        }
        decoder.segment(line, used);
        used += 4;
      }
      int separator = decoder.separator();
      if (separator != ',') {
        lines.add(used == 0 ? NO_SEGMENTS : Arrays.copyOf(line, used));
        used = 0;
        decoder.nextLine();
        if (separator == -1) {
          return new Mappings(lines.toArray(int[][]::new));
        }
      }
    }
  }

  /**
   * The segment covering 0-based {@code column} of 0-based generated {@code line}: the last one
   * starting at or before it. Returns {@code {source, originalLine, originalColumn}} or null.
   */
  int @Nullable [] at(int line, int column) {
    if (line < 0 || line >= lines.length) {
      return null;
    }
    int[] segments = lines[line];
    int low = 0;
    int high = segments.length / 4 - 1;
    int found = -1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (segments[mid * 4] <= column) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    if (found < 0 || segments[found * 4 + 1] < 0) {
      return null;
    }
    return new int[] {segments[found * 4 + 1], segments[found * 4 + 2], segments[found * 4 + 3]};
  }

  /** Reads segments; the source, line and column fields are relative across the whole map. */
  private static final class Decoder {
    private final String text;
    private int at;
    private int column;
    private int source;
    private int originalLine;
    private int originalColumn;

    Decoder(String text) {
      this.text = text;
    }

    boolean atSegment() {
      return at < text.length() && text.charAt(at) != ',' && text.charAt(at) != ';';
    }

    /** Consumes the separator after a segment: {@code ','}, {@code ';'} or -1 at the end. */
    int separator() {
      if (at >= text.length()) {
        return -1;
      }
      return text.charAt(at++);
    }

    void nextLine() {
      column = 0;
    }

    void segment(int[] out, int offset) throws SourceMapException {
      column += value();
      out[offset] = column;
      if (!atSegment()) {
        out[offset + 1] = -1;
        return;
      }
      source += value();
      originalLine += value();
      originalColumn += value();
      if (atSegment()) {
        value(); // the name index: names are not needed to locate a secret
      }
      if (atSegment()) {
        throw new SourceMapException("a mappings segment has more than five fields at " + at);
      }
      out[offset + 1] = source;
      out[offset + 2] = originalLine;
      out[offset + 3] = originalColumn;
    }

    private int value() throws SourceMapException {
      long result = 0;
      int shift = 0;
      while (true) {
        if (at >= text.length()) {
          throw new SourceMapException("mappings end inside a value");
        }
        int digit = Vlq.digit(text.charAt(at++));
        if (digit < 0 || shift > 30) {
          throw new SourceMapException("invalid base64 VLQ in mappings at " + (at - 1));
        }
        result |= (long) (digit & 0x1F) << shift;
        shift += 5;
        if ((digit & 0x20) == 0) {
          break;
        }
      }
      long magnitude = result >>> 1;
      return (int) ((result & 1) == 1 ? -magnitude : magnitude);
    }
  }
}

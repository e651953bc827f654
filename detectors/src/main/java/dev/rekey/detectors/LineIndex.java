package dev.rekey.detectors;

import java.util.Arrays;

/**
 * Converts byte offsets in content to 1-based lines and columns. Columns count Unicode code points
 * (UTF-8 lead bytes) from the start of the line, so they match what an editor shows.
 */
public final class LineIndex {
  private final byte[] bytes;
  private final int[] lineStarts;

  private LineIndex(byte[] bytes, int[] lineStarts) {
    this.bytes = bytes;
    this.lineStarts = lineStarts;
  }

  /** Indexes the line starts of {@code bytes} (which must not change afterwards). */
  public static LineIndex of(byte[] bytes) {
    int[] starts = new int[16];
    int count = 1;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return new LineIndex(bytes, Arrays.copyOf(starts, count));
  }

  /** The 1-based line holding byte {@code offset}. */
  public int line(int offset) {
    int found = Arrays.binarySearch(lineStarts, offset);
    return found >= 0 ? found + 1 : -found - 1;
  }

  /** The 1-based column, in code points, of byte {@code offset}. */
  public int column(int offset) {
    int start = lineStart(offset);
    int column = 1;
    for (int i = start; i < offset && i < bytes.length; i++) {
      if ((bytes[i] & 0xC0) != 0x80) {
        column++;
      }
    }
    return column;
  }

  /** The offset of the first byte of the line holding {@code offset}. */
  public int lineStart(int offset) {
    return lineStarts[line(offset) - 1];
  }

  /** The offset just past the last byte (before the newline) of the line holding {@code offset}. */
  public int lineEnd(int offset) {
    int line = line(offset);
    int end = line < lineStarts.length ? lineStarts[line] - 1 : bytes.length;
    return end > 0 && end <= bytes.length && end - 1 >= lineStart(offset) && bytes[end - 1] == '\r'
        ? end - 1
        : end;
  }

  /** The number of lines. */
  public int lines() {
    return lineStarts.length;
  }
}

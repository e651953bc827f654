package dev.rekey.detectors;

import java.util.Arrays;

/**
 * Converts byte offsets in content to 1-based lines and columns. Columns count Unicode code points
 * (UTF-8 lead bytes) from the start of the line, so they match what an editor shows. Line starts
 * are found as far as the offsets asked about need: a match near the top of a large lock file costs
 * a look at its first lines, not at all of it. Not safe for use by several threads at once.
 */
public final class LineIndex {
  private final byte[] bytes;
  private int[] lineStarts = new int[16];
  private int count = 1;

  /** Bytes {@code [0, indexed)} have been looked at for line breaks. */
  private int indexed;

  private LineIndex(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Indexes the line starts of {@code bytes} (which must not change afterwards). */
  public static LineIndex of(byte[] bytes) {
    return new LineIndex(bytes);
  }

  /** Finds line starts until one lies past {@code offset}, or the content ends. */
  private void indexPast(int offset) {
    byte[] content = bytes;
    int[] starts = lineStarts;
    int found = count;
    int i = indexed;
    while (starts[found - 1] <= offset && i < content.length) {
      while (i < content.length && content[i] != '\n') {
        i++;
      }
      if (i < content.length) {
        i++;
        if (found == starts.length) {
          starts = Arrays.copyOf(starts, found * 2);
        }
        starts[found++] = i;
      }
    }
    lineStarts = starts;
    count = found;
    indexed = i;
  }

  /** The 1-based line holding byte {@code offset}. */
  public int line(int offset) {
    indexPast(offset);
    int found = Arrays.binarySearch(lineStarts, 0, count, offset);
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
    int line = line(offset); // first: it may grow lineStarts
    return lineStarts[line - 1];
  }

  /** The offset just past the last byte (before the newline) of the line holding {@code offset}. */
  public int lineEnd(int offset) {
    int line = line(offset);
    int end = line < count ? lineStarts[line] - 1 : bytes.length;
    return end > 0 && end <= bytes.length && end - 1 >= lineStart(offset) && bytes[end - 1] == '\r'
        ? end - 1
        : end;
  }

  /** The number of lines. */
  public int lines() {
    indexPast(Integer.MAX_VALUE - 1);
    return count;
  }
}

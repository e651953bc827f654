package dev.rekey.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineIndexTest {
  @Test
  void linesAndColumnsAreOneBasedAndCountCodePoints() {
    byte[] text = "ab\nçé=X\r\nlast".getBytes(StandardCharsets.UTF_8);
    LineIndex index = LineIndex.of(text);
    int x = new String(text, StandardCharsets.ISO_8859_1).indexOf('X');
    assertThat(index.line(0)).isEqualTo(1);
    assertThat(index.line(x)).isEqualTo(2);
    assertThat(index.column(x)).isEqualTo(4);
    assertThat(index.line(text.length - 1)).isEqualTo(3);
    assertThat(index.lines()).isEqualTo(3);
  }

  @Test
  void linesFoundAsNeededAreThoseOfTheWholeContentInAnyOrderOfAsking() {
    Random random = new Random(14);
    for (int round = 0; round < 300; round++) {
      byte[] text = new byte[random.nextInt(2_000)];
      for (int i = 0; i < text.length; i++) {
        text[i] = (byte) "ab\n\r\u00e9".charAt(random.nextInt(5));
      }
      LineIndex index = LineIndex.of(text);
      for (int probe = 0; probe < 20; probe++) {
        int offset = random.nextInt(text.length + 1);
        int line = 1;
        int start = 0;
        for (int i = 0; i < offset && i < text.length; i++) {
          if (text[i] == '\n') {
            line++;
            start = i + 1;
          }
        }
        int end = start;
        while (end < text.length && text[end] != '\n') {
          end++;
        }
        int trimmed = end > start && text[end - 1] == '\r' ? end - 1 : end;
        assertThat(index.lineStart(offset)).isEqualTo(start);
        assertThat(index.line(offset)).as("line of %d", offset).isEqualTo(line);
        assertThat(index.lineEnd(offset)).as("end of %d", offset).isEqualTo(trimmed);
      }
      int lines = 1;
      for (byte b : text) {
        lines += b == '\n' ? 1 : 0;
      }
      assertThat(index.lines()).isEqualTo(lines);
    }
  }
}

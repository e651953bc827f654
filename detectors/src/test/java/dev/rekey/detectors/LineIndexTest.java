package dev.rekey.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
}

package dev.rekey.scanner.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 11, item 9: text from scanned input cannot drive a terminal. */
class InertTextTest {
  @Test
  void escapesControlAndFormatCharacters() {
    assertThat(InertText.of("a\u001b]0;pwned\u0007b")).isEqualTo("a\\x1b]0;pwned\\x07b");
    assertThat(InertText.of("\u001b[2J\r\n\t")).isEqualTo("\\x1b[2J\\x0d\\x0a\\x09");
    assertThat(InertText.of("csi\u009b31m del\u007f")).isEqualTo("csi\\x9b31m del\\x7f");
    assertThat(InertText.of("evil\u202egnp.js")).isEqualTo("evil\\u202egnp.js");
    assertThat(InertText.of("plain ünïcödé/路径.js")).isEqualTo("plain ünïcödé/路径.js");
    assertThat(InertText.of(null)).isEmpty();
  }

  @Test
  void linesKeepsLineBreaksOnly() {
    assertThat(InertText.lines("one\ntwo\u001b[1m")).isEqualTo("one\ntwo\\x1b[1m");
  }
}

package dev.rekey.scanner.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.util.RawParseUtils;
import org.junit.jupiter.api.Test;

/**
 * Entry names read from raw trees are the strings JGit decodes them to: ASCII names take a
 * shortcut, UTF-8 and bytes that are not UTF-8 (decoded as Latin-1) go through JGit.
 */
class TreeEntriesTest {
  @Test
  void namesDecodeAsJGitDecodesThem() {
    byte[][] names = {
      "README.md".getBytes(StandardCharsets.US_ASCII),
      "config/.env.production".getBytes(StandardCharsets.US_ASCII),
      "caf\u00e9/cr\u00e8me.txt".getBytes(StandardCharsets.UTF_8),
      "\u65e5\u672c\u8a9e.rb".getBytes(StandardCharsets.UTF_8),
      {'o', 'l', 'd', (byte) 0xe9, '.', 't', 'x', 't'}, // Latin-1, not UTF-8
      {'~', 0x7f, '!'},
    };
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    for (byte[] name : names) {
      raw.writeBytes("100644 ".getBytes(StandardCharsets.US_ASCII));
      raw.writeBytes(name);
      raw.write(0);
      raw.writeBytes(new byte[TreeEntries.ID_LENGTH]);
    }
    TreeEntries tree = TreeEntries.of(raw.toByteArray());

    assertThat(tree.count()).isEqualTo(names.length);
    for (int k = 0; k < names.length; k++) {
      String expected = RawParseUtils.decode(names[k]);
      assertThat(tree.name(tree.start(k), tree.start(k + 1))).isEqualTo(expected);
    }
    assertThat(tree.name(tree.start(2), tree.start(3))).isEqualTo("caf\u00e9/cr\u00e8me.txt");
    assertThat(tree.name(tree.start(4), tree.start(5))).isEqualTo("old\u00e9.txt");
  }
}

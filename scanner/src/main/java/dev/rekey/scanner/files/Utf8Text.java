package dev.rekey.scanner.files;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding of a settings file (a configuration, a baseline), with an error that says
 * where the bad byte is — the JDK's own says "Input length = 1".
 */
public final class Utf8Text {
  private Utf8Text() {}

  /**
   * The text of {@code bytes}.
   *
   * @throws IllegalArgumentException {@code line N: not valid UTF-8 …: save the file as UTF-8}
   */
  public static String decode(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    if (!decoder.decode(in, out, true).isError() && !decoder.flush(out).isError()) {
      return out.flip().toString();
    }
    int at = in.position();
    throw new IllegalArgumentException(
        "line "
            + line(bytes, at)
            + ": not valid UTF-8 (byte "
            + String.format("0x%02x", bytes[at] & 0xff)
            + " at offset "
            + at
            + "): save the file as UTF-8");
  }

  private static int line(byte[] bytes, int at) {
    int line = 1;
    for (int i = 0; i < at; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }
}

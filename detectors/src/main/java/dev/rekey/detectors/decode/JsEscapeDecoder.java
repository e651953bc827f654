package dev.rekey.detectors.decode;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * JavaScript (and JSON, Python, C) string escapes: the string literal around an escape of a
 * printable ASCII character ({@code \x41}, {@code \}{@code u0041}) is decoded when it holds at
 * least two {@code \x} or {@code \}{@code u} escapes.
 */
public final class JsEscapeDecoder implements Decoder {
  private static final int MAX_RUN = 4096;

  @Override
  public List<String> keywords() {
    // Secrets are ASCII: only escapes of printable ASCII (0x20-0x7f) can hide one, so escapes of
    // other characters (common in minified locale tables) do not trigger a decoding.
    return List.of(
        "\\x2", "\\x3", "\\x4", "\\x5", "\\x6", "\\x7", "\\u002", "\\u003", "\\u004", "\\u005",
        "\\u006", "\\u007");
  }

  @Override
  public int decode(byte[] data, int hitStart, int hitEnd, List<Decoded> out) {
    int start = hitStart;
    while (start > 0 && hitStart - start < MAX_RUN && inLiteral(data, start - 1)) {
      start--;
    }
    int end = hitStart;
    while (end < data.length && end - hitStart < MAX_RUN && inLiteral(data, end)) {
      end++;
    }
    Decoded decoded = decode(data, start, end);
    if (decoded != null) {
      out.add(decoded);
    }
    return end;
  }

  /** Whether {@code data[i]} is inside a literal: not a line break or an unescaped quote. */
  private static boolean inLiteral(byte[] data, int i) {
    byte b = data[i];
    if (b == '\n' || b == '\r') {
      return false;
    }
    boolean quote = b == '"' || b == '\'' || b == '`';
    return !quote || (i > 0 && data[i - 1] == '\\');
  }

  private static @Nullable Decoded decode(byte[] data, int start, int end) {
    byte[] bytes = new byte[end - start];
    int[] offsets = new int[end - start + 1];
    int n = 0;
    int escapes = 0;
    int i = start;
    while (i < end) {
      int length = data[i] == '\\' && i + 1 < end ? escapeLength(data, i, end) : 0;
      int code = length > 0 ? escapeValue(data, i, length) : -1;
      if (length == 0) {
        offsets[n] = i;
        bytes[n++] = data[i++];
        continue;
      }
      if (data[i + 1] == 'x' || data[i + 1] == 'u') {
        escapes++;
      }
      int first = n;
      n = Utf8.encode(code, bytes, n);
      Arrays.fill(offsets, first, n, i);
      i += length;
    }
    offsets[n] = end;
    if (escapes < 2) {
      return null;
    }
    return new Decoded(
        "js-escape", start, end, Arrays.copyOf(bytes, n), Arrays.copyOf(offsets, n + 1));
  }

  /** The length of the escape at {@code data[i]} (a backslash), or 0 if it is not one. */
  private static int escapeLength(byte[] data, int i, int end) {
    byte kind = data[i + 1];
    if (kind == 'x') {
      return i + 4 <= end && Hex.value(data, i + 2, 2) >= 0 ? 4 : 0;
    }
    if (kind == 'u' && i + 2 < end && data[i + 2] == '{') {
      int close = i + 3;
      while (close < end && close < i + 10 && data[close] != '}') {
        close++;
      }
      int digits = close - i - 3;
      return close < end
              && digits > 0
              && Hex.value(data, i + 3, digits) >= 0
              && Hex.value(data, i + 3, digits) <= Character.MAX_CODE_POINT
          ? close - i + 1
          : 0;
    }
    if (kind == 'u') {
      return i + 6 <= end && Hex.value(data, i + 2, 4) >= 0 ? 6 : 0;
    }
    return "nrt\\\"'/`".indexOf(kind) >= 0 ? 2 : 0;
  }

  private static int escapeValue(byte[] data, int i, int length) {
    return switch (data[i + 1]) {
      case 'x' -> Hex.value(data, i + 2, 2);
      case 'u' -> length == 6 ? Hex.value(data, i + 2, 4) : Hex.value(data, i + 3, length - 4);
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      default -> data[i + 1];
    };
  }
}

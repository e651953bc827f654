package dev.rekey.scanner.bundle;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The {@code sourceMappingURL} comment that ends a generated JavaScript or CSS file: {@code //#
 * sourceMappingURL=index.js.map}, {@code /*# sourceMappingURL=… *}{@code /}, or an inline {@code
 * data:application/json;base64,…} map.
 *
 * @param url the reference as written
 * @param start offset of the comment's first byte
 */
record SourceMapReference(String url, int start) {
  private static final byte[] KEY = "sourceMappingURL=".getBytes(StandardCharsets.US_ASCII);

  /** The reference ending {@code content}, or null when it has none. */
  static @Nullable SourceMapReference find(byte[] content) {
    int key = lastIndexOf(content, KEY);
    if (key < 0) {
      return null;
    }
    int start = commentStart(content, key);
    if (start < 0) {
      return null;
    }
    int from = key + KEY.length;
    int end = from;
    while (end < content.length && !isSpace(content[end]) && !startsWith(content, end, "*/")) {
      end++;
    }
    if (end == from || !onlyTrailer(content, end)) {
      return null;
    }
    return new SourceMapReference(
        new String(content, from, end - from, StandardCharsets.UTF_8), start);
  }

  /** Whether the map is inline, in a {@code data:} URI. */
  boolean isInline() {
    return url.regionMatches(true, 0, "data:", 0, 5);
  }

  /**
   * The map carried by an inline reference.
   *
   * @throws SourceMapException when the data URI cannot be decoded
   */
  byte[] inlineMap() throws SourceMapException {
    int comma = url.indexOf(',');
    if (comma < 0) {
      throw new SourceMapException("inline source map: data URI without a comma");
    }
    String header = url.substring(5, comma).toLowerCase(Locale.ROOT);
    String data = url.substring(comma + 1);
    try {
      if (header.endsWith(";base64")) {
        return Base64.getMimeDecoder().decode(data);
      }
      return percentDecode(data);
    } catch (IllegalArgumentException e) {
      throw new SourceMapException("inline source map: cannot decode: " + e.getMessage(), e);
    }
  }

  private static byte[] percentDecode(String data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length());
    byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '%' && i + 2 < bytes.length) {
        out.write(Integer.parseInt(new String(bytes, i + 1, 2, StandardCharsets.US_ASCII), 16));
        i += 2;
      } else {
        out.write(bytes[i]);
      }
    }
    return out.toByteArray();
  }

  /** The start of {@code //#}, {@code //@}, {@code /*#} or {@code /*@} before the key, or -1. */
  private static int commentStart(byte[] content, int key) {
    int at = key - 1;
    while (at >= 0 && (content[at] == ' ' || content[at] == '\t')) {
      at--;
    }
    if (at < 2 || (content[at] != '#' && content[at] != '@') || content[at - 2] != '/') {
      return -1;
    }
    return content[at - 1] == '/' || content[at - 1] == '*' ? at - 2 : -1;
  }

  /** Whether only whitespace and a comment's end follow {@code from}. */
  private static boolean onlyTrailer(byte[] content, int from) {
    int at = from;
    while (at < content.length && isSpace(content[at])) {
      at++;
    }
    if (startsWith(content, at, "*/")) {
      at += 2;
    }
    while (at < content.length && isSpace(content[at])) {
      at++;
    }
    return at == content.length;
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }

  private static boolean startsWith(byte[] content, int at, String text) {
    return at + text.length() <= content.length
        && new String(content, at, text.length(), StandardCharsets.US_ASCII).equals(text);
  }

  private static int lastIndexOf(byte[] content, byte[] key) {
    outer:
    for (int i = content.length - key.length; i >= 0; i--) {
      for (int j = 0; j < key.length; j++) {
        if (content[i + j] != key[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}

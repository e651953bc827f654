package dev.rekey.scanner.staged;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads paths as git prints them in diff headers: as-is, or in double quotes with C-style escapes
 * (octal bytes for non-ASCII when {@code core.quotePath} is on).
 */
final class GitQuoting {
  private GitQuoting() {}

  /** {@code text} unquoted when it starts with a double quote, else unchanged. */
  static String unquote(String text) {
    if (text.length() < 2 || text.charAt(0) != '"' || !text.endsWith("\"")) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 1; i < text.length() - 1; i++) {
      char c = text.charAt(i);
      if (c != '\\' || i + 1 >= text.length() - 1) {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        continue;
      }
      char next = text.charAt(++i);
      if (next >= '0' && next <= '7' && i + 2 < text.length() - 1) {
        bytes.write(Integer.parseInt(text.substring(i, i + 3), 8));
        i += 2;
      } else {
        bytes.write(escaped(next));
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static int escaped(char c) {
    return switch (c) {
      case 'a' -> 7;
      case 'b' -> '\b';
      case 't' -> '\t';
      case 'n' -> '\n';
      case 'v' -> 11;
      case 'f' -> '\f';
      case 'r' -> '\r';
      default -> c;
    };
  }
}

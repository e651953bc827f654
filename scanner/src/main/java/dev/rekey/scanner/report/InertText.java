package dev.rekey.scanner.report;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Text from scanned input made safe to print. Paths, author names, source-map {@code sources}
 * entries, provider answers and configuration keys come from people rekey does not trust, and a
 * terminal runs the control characters in them: an escape sequence can clear the screen, set the
 * window title or hide lines. Every C0 and C1 control character, DEL, and the Unicode format
 * characters that reorder or hide text (bidirectional overrides and isolates, zero-width
 * characters) are written as visible escapes instead: {@code \x1b}, {@code \u202e}.
 */
public final class InertText {
  private InertText() {}

  /** {@code text} with every control character escaped; the empty string for null. */
  public static String of(@Nullable String text) {
    if (text == null) {
      return "";
    }
    int first = firstControl(text);
    if (first < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 8).append(text, 0, first);
    text.codePoints().skip(text.codePointCount(0, first)).forEach(c -> append(out, c, true));
    return out.toString();
  }

  /** As {@link #of}, but line breaks ({@code \n}) are kept: for whole messages of several lines. */
  public static String lines(String text) {
    if (firstControl(text.replace('\n', ' ')) < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 8);
    text.codePoints().forEach(c -> append(out, c, c != '\n'));
    return out.toString();
  }

  /** Whether a terminal or a text viewer would act on {@code c} rather than show it. */
  public static boolean control(int c) {
    return c < 0x20
        || (c >= 0x7f && c <= 0x9f)
        || c == 0x061c
        || (c >= 0x200b && c <= 0x200f)
        || (c >= 0x2028 && c <= 0x202e)
        || (c >= 0x2060 && c <= 0x2069)
        || c == 0xfeff
        || (c >= 0xfff9 && c <= 0xfffb);
  }

  private static int firstControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (control(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static void append(StringBuilder out, int c, boolean escape) {
    if (!escape || !control(c)) {
      out.appendCodePoint(c);
    } else if (c <= 0xff) {
      out.append(String.format(Locale.ROOT, "\\x%02x", c));
    } else {
      out.append(String.format(Locale.ROOT, "\\u%04x", c));
    }
  }
}

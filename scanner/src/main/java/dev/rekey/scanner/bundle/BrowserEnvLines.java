package dev.rekey.scanner.bundle;

import dev.rekey.scanner.model.BrowserEnv;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Keeps only the lines of an env file that assign a browser-exposed variable ({@code VITE_…},
 * {@code NEXT_PUBLIC_…}, …), blanking the others with spaces so that lines and columns stay where
 * they were. An ignored env file is where secrets belong — unless its variable ships them to the
 * browser.
 */
final class BrowserEnvLines {
  private static final Pattern ASSIGNMENT =
      Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*[=:]");

  private BrowserEnvLines() {}

  /** {@code content} with only browser-exposed assignments left, or null when there are none. */
  static byte @Nullable [] keep(byte[] content) {
    byte[] kept = content.clone();
    boolean any = false;
    int start = 0;
    while (start < kept.length) {
      int end = start;
      while (end < kept.length && kept[end] != '\n') {
        end++;
      }
      if (browserExposed(kept, start, end)) {
        any = true;
      } else {
        for (int i = start; i < end; i++) {
          if (kept[i] != '\r') {
            kept[i] = ' ';
          }
        }
      }
      start = end + 1;
    }
    return any ? kept : null;
  }

  private static boolean browserExposed(byte[] bytes, int start, int end) {
    String line = new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
    Matcher assignment = ASSIGNMENT.matcher(line);
    return assignment.find() && BrowserEnv.isBrowserExposed(assignment.group(1));
  }
}

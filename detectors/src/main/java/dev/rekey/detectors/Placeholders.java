package dev.rekey.detectors;

import java.util.List;
import java.util.Locale;

/**
 * Recognises values that look like secrets but are templates, examples or filler: {@code xxxx},
 * {@code <your-key>}, {@code ${VAR}}, {@code changeme}, long runs of one character, alphabets and
 * counting sequences, and the example keys vendors publish in their documentation.
 */
public final class Placeholders {
  private static final List<String> MARKERS =
      List.of(
          "xxxx",
          "****",
          "....",
          "…",
          "<",
          ">",
          "${",
          "{{",
          "}}",
          "%s",
          "your_",
          "your-",
          "yourkey",
          "yourtoken",
          "yoursecret",
          "changeme",
          "change_me",
          "placeholder",
          "example",
          "redacted",
          "dummy",
          "insert",
          "replace",
          "fake",
          "sample",
          "0000000000",
          "1234567890",
          "abcdefghij",
          "qwerty");

  private static final List<String> DOCUMENTED_EXAMPLES =
      List.of(
          // AWS's documented example credentials.
          "akiaiosfodnn7example", "wjalrxutnfemi/k7mdeng/bpxrficyexamplekey");

  private static final int MAX_RUN = 6;

  private Placeholders() {}

  /** Whether {@code value} is a template, example or filler rather than a real secret. */
  public static boolean isPlaceholder(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    for (String marker : DOCUMENTED_EXAMPLES) {
      if (lower.contains(marker)) {
        return true;
      }
    }
    for (String marker : MARKERS) {
      if (lower.contains(marker)) {
        return true;
      }
    }
    return hasLongRun(value) || distinctFraction(value) < 0.2;
  }

  /** Whether the value has {@value #MAX_RUN} or more equal, ascending or descending characters. */
  static boolean hasLongRun(String value) {
    int same = 1;
    int up = 1;
    int down = 1;
    for (int i = 1; i < value.length(); i++) {
      int delta = value.charAt(i) - value.charAt(i - 1);
      same = delta == 0 ? same + 1 : 1;
      up = delta == 1 ? up + 1 : 1;
      down = delta == -1 ? down + 1 : 1;
      if (same >= MAX_RUN || up >= MAX_RUN || down >= MAX_RUN) {
        return true;
      }
    }
    return false;
  }

  private static double distinctFraction(String value) {
    if (value.length() < 16) {
      return 1;
    }
    return (double) value.chars().distinct().count() / Math.min(value.length(), 62);
  }
}

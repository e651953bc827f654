package dev.rekey.detectors.rules;

import dev.rekey.detectors.Gate;

/**
 * Gates (see {@link Gate}) of the rules that find a secret by the name it is given: the name, which
 * starts at the keyword, must be followed within a few bytes by what the pattern needs next. Most
 * places a common keyword occurs hold no such thing ({@code minipass/-/minipass-7.0.4.tgz}, {@code
 * "@material/tokens" "15.0.0"}, a base64 digest that happens to spell {@code Pwd}), and the gate
 * turns them away in a few byte comparisons instead of a run of the pattern's lookbehinds.
 */
final class NameGates {
  private static final boolean[] NAME = table("_.-", true);
  private static final boolean[] LETTER = table("_", false);

  private NameGates() {}

  /**
   * For a pattern of a name word of at most {@code longestWord} bytes, the rest of the name (at
   * most 32 of {@code [A-Za-z0-9_.-]}, see {@link GenericRules#value}), an optional closing quote
   * or bracket, spaces or tabs, then an assignment ({@code :}, {@code =}, {@code ??=} or a {@code
   * ,}).
   */
  static Gate assignment(int longestWord) {
    return (content, from, to) -> {
      int i = skip(content, from, Math.min(to, from + longestWord + 32 + 1), NAME);
      if (i < to && (content[i] == '"' || content[i] == '\'' || content[i] == ']')) {
        i++;
      }
      while (i < to && (content[i] == ' ' || content[i] == '\t')) {
        i++;
      }
      return i < to
          && (content[i] == ':' || content[i] == '=' || content[i] == '?' || content[i] == ',');
    };
  }

  /**
   * For a pattern of a directive name of letters (at most {@code longestName} bytes) and at most 16
   * more letters or underscores, then a space or a tab.
   */
  static Gate directive(int longestName) {
    return (content, from, to) -> {
      int i = skip(content, from, Math.min(to, from + longestName + 16 + 1), LETTER);
      return i < to && (content[i] == ' ' || content[i] == '\t');
    };
  }

  /**
   * The first offset in {@code [from, end)} whose byte is not in {@code table}, else {@code end}.
   */
  private static int skip(byte[] content, int from, int end, boolean[] table) {
    int i = from;
    while (i < end && table[content[i] & 0xff]) {
      i++;
    }
    return i;
  }

  /** ASCII letters, {@code extra}, and digits when {@code digits}. */
  private static boolean[] table(String extra, boolean digits) {
    boolean[] in = new boolean[256];
    for (char c = 'a'; c <= 'z'; c++) {
      in[c] = true;
      in[Character.toUpperCase(c)] = true;
    }
    for (char c = '0'; digits && c <= '9'; c++) {
      in[c] = true;
    }
    for (char c : extra.toCharArray()) {
      in[c] = true;
    }
    return in;
  }
}

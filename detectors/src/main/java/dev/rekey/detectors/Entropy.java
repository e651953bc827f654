package dev.rekey.detectors;

/**
 * Shannon entropy of candidate secrets, and how it compares with a random string of the same length
 * drawn from the same alphabet (hex, base62 or base64). Short strings cannot reach their alphabet's
 * full entropy, so the comparison is with the measured mean of random strings of that length, not
 * with {@code log2} of the alphabet size.
 */
public final class Entropy {
  /** The alphabets a candidate is judged against, smallest first. */
  public enum Alphabet {
    HEX("0123456789abcdef"),
    BASE62("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"),
    BASE64("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+/-_="),
    PRINTABLE(printable());

    private final String symbols;

    Alphabet(String symbols) {
      this.symbols = symbols;
    }

    /** The characters of the alphabet. */
    String symbols() {
      return symbols;
    }

    /** The smallest alphabet holding every character of {@code text}. */
    public static Alphabet of(CharSequence text) {
      boolean hex = true;
      boolean base62 = true;
      boolean base64 = true;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        boolean alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        hex &= (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        base62 &= alnum;
        base64 &= alnum || c == '+' || c == '/' || c == '-' || c == '_' || c == '=';
      }
      return hex ? HEX : base62 ? BASE62 : base64 ? BASE64 : PRINTABLE;
    }

    private static String printable() {
      StringBuilder all = new StringBuilder();
      for (char c = 0x21; c < 0x7f; c++) {
        all.append(c);
      }
      return all.toString();
    }
  }

  private static final int MAX_LENGTH = EntropyMeans.maxLength();

  private Entropy() {}

  /** Bits of entropy per character of {@code text} under its own character frequencies. */
  public static double shannon(CharSequence text) {
    int n = text.length();
    if (n == 0) {
      return 0;
    }
    int[] counts = new int[128];
    int other = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < 128) {
        counts[c]++;
      } else {
        other++;
      }
    }
    double bits = term(other, n);
    for (int count : counts) {
      bits += term(count, n);
    }
    return bits;
  }

  /**
   * The entropy of {@code text} as a fraction of the mean entropy of random strings of its length
   * over its alphabet: about 1 for random keys, well below for words, repetition and structure.
   */
  public static double randomness(CharSequence text) {
    if (text.length() < 2) {
      return 0;
    }
    Alphabet alphabet = Alphabet.of(text);
    double[] means = EntropyMeans.of(alphabet);
    double expected = means[Math.min(text.length(), MAX_LENGTH)];
    return shannon(text) / expected;
  }

  /**
   * Whether {@code text} is as random as a key of its length and alphabet: its {@link #randomness}
   * is at least {@code 1 - 0.6 / sqrt(length)}. Random strings vary less as they grow, so the bar
   * rises with length; measured on random hex and base62 strings of 12 to 64 characters, it turns
   * away fewer than 1 in 100 keys, and drops words, repeats and structured identifiers.
   */
  public static boolean looksRandom(CharSequence text) {
    return text.length() >= 8 && randomness(text) >= 1 - 0.6 / Math.sqrt(text.length());
  }

  private static double term(int count, int n) {
    if (count == 0) {
      return 0;
    }
    double p = (double) count / n;
    return -p * (Math.log(p) / Math.log(2));
  }
}

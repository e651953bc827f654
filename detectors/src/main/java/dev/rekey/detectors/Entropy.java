package dev.rekey.detectors;

/** Shannon entropy of candidate secrets, in bits per character. */
public final class Entropy {
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

  private static double term(int count, int n) {
    if (count == 0) {
      return 0;
    }
    double p = (double) count / n;
    return -p * (Math.log(p) / Math.log(2));
  }
}

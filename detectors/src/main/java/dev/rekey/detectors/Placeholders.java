package dev.rekey.detectors;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

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
          "qwerty",
          "asdfgh",
          "lorem",
          "foobar",
          "mysecret",
          "my_secret",
          "my-secret",
          "secretkey",
          "process.env",
          "os.environ",
          "getenv");

  private static final List<String> DOCUMENTED_EXAMPLES =
      List.of(
          // AWS's documented example credentials.
          "akiaiosfodnn7example",
          "wjalrxutnfemi/k7mdeng/bpxrficyexamplekey",
          // Stripe's documented test-mode keys.
          "sk_test_4ec39hqlyjwdarjtt1zdp7dc",
          "pk_test_tyoomqauvdeqd54ntiphi7jx",
          "sk_test_bqokikjovbii2hlwgh4olfq2",
          // The sample token on jwt.io, pasted into countless tests.
          "sflkxwrjsmekkf2qt4fwpmejf36pok6yjv_adqssw5c",
          // GitHub's documentation example token.
          "ghp_16c7e42f292c6912e7710c838347ae178b4a");

  private static final int MAX_RUN = 6;

  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

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
    return hasLongRun(value) || distinctFraction(value) < 0.2 || periodic(value);
  }

  /**
   * Whether the value has {@value #MAX_RUN} or more equal, ascending or descending characters. In
   * long base64 (DER, an SSH or PGP key, an encrypted blob) a run of {@code A} is zero bytes of
   * binary data, not filler, and does not count.
   */
  static boolean hasLongRun(String value) {
    boolean binary = value.length() >= 32 && BASE64.matcher(value).matches();
    int same = 1;
    int up = 1;
    int down = 1;
    for (int i = 1; i < value.length(); i++) {
      int delta = value.charAt(i) - value.charAt(i - 1);
      same = delta == 0 && !(binary && value.charAt(i) == 'A') ? same + 1 : 1;
      up = delta == 1 ? up + 1 : 1;
      down = delta == -1 ? down + 1 : 1;
      if (same >= MAX_RUN || up >= MAX_RUN || down >= MAX_RUN) {
        return true;
      }
    }
    return false;
  }

  /** Whether the value mostly repeats a unit of up to four characters ({@code abcabcabc…}). */
  static boolean periodic(String value) {
    int n = value.length();
    if (n < 12) {
      return false;
    }
    for (int period = 1; period <= 4; period++) {
      int same = 0;
      for (int i = period; i < n; i++) {
        if (value.charAt(i) == value.charAt(i - period)) {
          same++;
        }
      }
      if (same >= 0.9 * (n - period)) {
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

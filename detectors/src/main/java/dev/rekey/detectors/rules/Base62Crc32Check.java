package dev.rekey.detectors.rules;

import dev.rekey.detectors.Candidate;
import dev.rekey.detectors.Check;
import dev.rekey.detectors.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The checksum GitHub (and npm) put in their tokens: after the prefix, random base62 characters
 * followed by six base62 characters encoding the CRC32 of the random part, zero-padded.
 */
final class Base62Crc32Check implements Check {
  private static final String ALPHABET =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final int CHECKSUM_LENGTH = 6;

  private final int prefixLength;

  Base62Crc32Check(int prefixLength) {
    this.prefixLength = prefixLength;
  }

  @Override
  public Verdict judge(Candidate candidate) {
    return valid(candidate.secret(), prefixLength)
        ? Verdict.accept(candidate.rule().severity())
        : Verdict.reject("checksum does not match");
  }

  static boolean valid(String token, int prefixLength) {
    if (token.length() <= prefixLength + CHECKSUM_LENGTH) {
      return false;
    }
    String random = token.substring(prefixLength, token.length() - CHECKSUM_LENGTH);
    CRC32 crc = new CRC32();
    crc.update(random.getBytes(StandardCharsets.US_ASCII));
    return encode(crc.getValue()).equals(token.substring(token.length() - CHECKSUM_LENGTH));
  }

  static String encode(long value) {
    char[] digits = new char[CHECKSUM_LENGTH];
    long rest = value;
    for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
      digits[i] = ALPHABET.charAt((int) (rest % 62));
      rest /= 62;
    }
    return new String(digits);
  }
}

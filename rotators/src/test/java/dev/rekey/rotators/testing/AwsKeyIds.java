package dev.rekey.rotators.testing;

import java.security.SecureRandom;

/** Builds AWS access key ids that encode a given account, as AWS does. */
public final class AwsKeyIds {
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private AwsKeyIds() {}

  public static String forAccount(String account) {
    long value = (Long.parseLong(account) << 7) | 0x2a;
    byte[] bytes = new byte[10];
    for (int i = 0; i < 6; i++) {
      bytes[i] = (byte) (value >>> (40 - 8 * i));
    }
    byte[] random = new byte[4];
    new SecureRandom().nextBytes(random);
    System.arraycopy(random, 0, bytes, 6, 4);
    StringBuilder text = new StringBuilder("AKIA");
    long buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        bits -= 5;
        text.append(ALPHABET.charAt((int) ((buffer >>> bits) & 31)));
      }
    }
    return text.toString();
  }
}

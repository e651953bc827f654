package dev.rekey.rotators.verify;

import dev.rekey.detectors.SecretValue;
import dev.rekey.rotators.Credential;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Canary tokens rekey never verifies: any use of one sets off its owner's alarm. AWS keys are
 * matched by the account id encoded in their key id (no network needed); other secrets by prefix.
 *
 * <p>Canary issuers do not publish their accounts; the built-in list holds the Thinkst
 * (canarytokens.org) and look-alike accounts that the security community has observed. Add more
 * with {@code --canary ACCOUNT_ID|PREFIX}.
 *
 * @param awsAccounts 12-digit AWS account ids
 * @param prefixes secret or key id prefixes
 */
public record CanaryList(Set<String> awsAccounts, List<String> prefixes) {
  private static final Set<String> KNOWN_ACCOUNTS =
      Set.of(
          "052310077262",
          "171436882533",
          "266735846894",
          "534261010715",
          "595918472158",
          "717712589309",
          "729780141977",
          "730335385048",
          "819147034852",
          "893192397702",
          "992382622183",
          "044858866125",
          "251535659677",
          "344043088457",
          "351906852752",
          "390477818340",
          "426127672474",
          "427150556519",
          "439872796651",
          "445142720921",
          "465867158099",
          "637958123769",
          "693412236332",
          "732624840810",
          "735421457923",
          "959235150393",
          "982842642351");

  public CanaryList {
    awsAccounts = Set.copyOf(awsAccounts);
    prefixes = List.copyOf(prefixes);
  }

  /** The built-in list. */
  public static CanaryList builtIn() {
    return new CanaryList(KNOWN_ACCOUNTS, List.of("AKIAYVP4CIPP"));
  }

  /** The built-in list plus {@code extra} entries: 12-digit account ids or prefixes. */
  public static CanaryList builtInWith(List<String> extra) {
    Set<String> accounts = new TreeSet<>(KNOWN_ACCOUNTS);
    List<String> prefixes = new ArrayList<>(builtIn().prefixes());
    for (String entry : extra) {
      if (entry.matches("\\d{12}")) {
        accounts.add(entry);
      } else if (!entry.isBlank()) {
        prefixes.add(entry.strip());
      }
    }
    return new CanaryList(accounts, prefixes);
  }

  /** Why this credential looks like a canary token, or empty. */
  public Optional<String> match(Credential credential) {
    String keyId = credential.fact(AwsVerifier.KEY_ID);
    SecretValue secret = credential.secret();
    for (String prefix : prefixes) {
      if ((keyId != null && keyId.startsWith(prefix))
          || (secret != null && secret.reveal().startsWith(prefix))) {
        return Optional.of("its value starts with " + prefix + ", a known canary-token prefix");
      }
    }
    String account = keyId == null ? null : awsAccount(keyId);
    if (account != null && awsAccounts.contains(account)) {
      return Optional.of(
          "its key id belongs to AWS account " + account + ", a canary-token issuer");
    }
    return Optional.empty();
  }

  /**
   * The AWS account id encoded in an {@code AKIA…}/{@code ASIA…} key id: after the four-letter
   * prefix, base32; the first six bytes as a 48-bit number, masked and shifted by seven bits.
   */
  static @Nullable String awsAccount(String keyId) {
    if (keyId.length() < 20 || !keyId.matches("A[KS]IA[A-Z2-7]{16}.*")) {
      return null;
    }
    byte[] bytes = base32(keyId.substring(4, 20).toUpperCase(Locale.ROOT));
    long value = 0;
    for (int i = 0; i < 6; i++) {
      value = (value << 8) | (bytes[i] & 0xff);
    }
    long account = (value & 0x7fffffffff80L) >>> 7;
    return String.format(Locale.ROOT, "%012d", account);
  }

  private static byte[] base32(String text) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    byte[] out = new byte[text.length() * 5 / 8];
    long buffer = 0;
    int bits = 0;
    int index = 0;
    for (int i = 0; i < text.length(); i++) {
      buffer = (buffer << 5) | alphabet.indexOf(text.charAt(i));
      bits += 5;
      if (bits >= 8) {
        bits -= 8;
        out[index++] = (byte) (buffer >>> bits);
      }
    }
    return out;
  }
}

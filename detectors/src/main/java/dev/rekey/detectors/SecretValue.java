package dev.rekey.detectors;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A secret found in scanned content. It never prints itself: {@link #toString()} shows only a
 * prefix, the length and a short hash. Revealing the value is an explicit call to {@link
 * #reveal()}, made only by reporters asked to show secrets and by rotators.
 */
public final class SecretValue {
  private static final int MIN_HIDDEN = 8;
  private static final int SUFFIX = 3;
  private static final int SHOW_SUFFIX_FROM = 24;

  /** The BEGIN line of a PEM or PGP armoured block: a public marker naming the kind of key. */
  private static final Pattern ARMOUR = Pattern.compile("-----BEGIN [A-Z0-9 ]{1,40}-----");

  private final String value;
  private final int publicPrefix;

  private SecretValue(String value, int publicPrefix) {
    this.value = value;
    this.publicPrefix = Math.max(0, Math.min(publicPrefix, value.length()));
  }

  /**
   * A secret whose first {@code publicPrefix} characters are a well-known, non-secret marker (for
   * example {@code sk-proj-}) that redaction may show in full.
   */
  public static SecretValue of(String value, int publicPrefix) {
    return new SecretValue(value, publicPrefix);
  }

  /** A secret with no well-known prefix. */
  public static SecretValue of(String value) {
    return new SecretValue(value, 0);
  }

  /** The secret in clear. Call only to show it on request or to hand it to its own provider. */
  public String reveal() {
    return value;
  }

  /**
   * How many leading characters are a well-known, non-secret marker (see {@link #of(String, int)}).
   */
  public int publicPrefix() {
    return publicPrefix;
  }

  /** The number of characters in the secret. */
  public int length() {
    return value.length();
  }

  /**
   * A form safe to print: the public prefix, two characters, an ellipsis and the last three
   * characters, e.g. {@code sk-proj-Ab…9xQ}. At least eight characters (and at least half of the
   * secret) always stay hidden; secrets under 24 characters show no suffix. An armoured block (a
   * PEM or PGP private key) shows its BEGIN line, which names the kind of key, and the same few
   * characters of its base64 body, e.g. {@code -----BEGIN EC PRIVATE KEY----- MH…UdA}.
   */
  public String redacted() {
    Matcher begin = ARMOUR.matcher(value);
    if (begin.lookingAt()) {
      return begin.group() + " " + shortened(body(value.substring(begin.end())), 0);
    }
    return shortened(value, publicPrefix);
  }

  private static String shortened(String text, int publicPrefix) {
    int hidden = Math.max(MIN_HIDDEN, text.length() / 2);
    int shown = publicPrefix + 2;
    if (text.length() >= SHOW_SUFFIX_FROM && shown + SUFFIX + hidden <= text.length()) {
      return text.substring(0, shown) + "…" + text.substring(text.length() - SUFFIX);
    }
    if (shown + hidden <= text.length()) {
      return text.substring(0, shown) + "…";
    }
    return "…";
  }

  /**
   * The base64 of an armoured block after its BEGIN line: without header lines ({@code Proc-Type:},
   * {@code Version:}), line breaks (escaped ones too, as in a JSON string), the END line and the
   * padding, so the characters shown are the key's own encoding, not its framing.
   */
  private static String body(String armoured) {
    String text = armoured.replace("\\n", "\n").replace("\\r", "\n");
    int end = text.indexOf("-----END");
    text = end < 0 ? text : text.substring(0, end);
    int header = text.lastIndexOf(':');
    if (header >= 0) {
      text = text.substring(Math.max(text.indexOf('\n', header), header) + 1);
    }
    return text.replaceAll("[^A-Za-z0-9+/=]", "").replaceAll("=+$", "");
  }

  /**
   * Hex SHA-256 of the secret alone: an id for the value. Unsalted, so it hides a random key but
   * not a guessable one: hashing a guess confirms it.
   */
  public String sha256() {
    return sha256Hex(value);
  }

  /**
   * The stable fingerprint of this secret found by {@code ruleId}: hex SHA-256 of the rule id, a
   * colon and the secret. It does not depend on where the secret was found. Like {@link #sha256()},
   * it is unsalted: it hides a random key, not a weak password.
   */
  public String fingerprint(String ruleId) {
    return sha256Hex(ruleId + ":" + value);
  }

  static String sha256Hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SecretValue that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Never the secret: a redacted form, the length and a short hash. */
  @Override
  public String toString() {
    return "SecretValue["
        + redacted()
        + ", length="
        + value.length()
        + ", sha256="
        + sha256().substring(0, 8)
        + "]";
  }
}

package dev.rekey.rotators.testing;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A fake provider's keys: ids, values, names, whether each still works, and extra fields. */
public final class KeyBook {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALNUM =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final List<Key> keys = new ArrayList<>();

  /** One key. {@code live} turns false when it is revoked; deleted keys are removed. */
  public static final class Key {
    public final String id;
    public final String secret;
    public String name;
    public boolean live = true;
    public final Map<String, String> extra = new LinkedHashMap<>();

    Key(String id, String secret, String name) {
      this.id = id;
      this.secret = secret;
      this.name = name;
    }
  }

  public synchronized Key add(String id, String secret, String name) {
    Key key = new Key(id, secret, name);
    keys.add(key);
    return key;
  }

  public synchronized List<Key> all() {
    return List.copyOf(keys);
  }

  public synchronized Optional<Key> byId(String id) {
    return keys.stream().filter(k -> k.id.equals(id)).findFirst();
  }

  public synchronized Optional<Key> bySecret(@Nullable String secret) {
    return keys.stream().filter(k -> k.secret.equals(secret)).findFirst();
  }

  /** Whether {@code secret} is a key that still works. */
  public synchronized boolean live(@Nullable String secret) {
    return bySecret(secret).map(k -> k.live).orElse(false);
  }

  /** Deletes the key; false when there was none. */
  public synchronized boolean remove(String id) {
    return keys.removeIf(k -> k.id.equals(id));
  }

  /** Revokes the key with this value (the test playing the user on a dashboard). */
  public synchronized void revokeSecret(String secret) {
    bySecret(secret).ifPresent(k -> k.live = false);
  }

  /** Random decimal digits. */
  public static String digits(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) ('0' + RANDOM.nextInt(10)));
    }
    return text.toString();
  }

  /** Random letters and digits. */
  public static String random(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(ALNUM.charAt(RANDOM.nextInt(ALNUM.length())));
    }
    return text.toString();
  }

  /**
   * A GitHub token with a valid checksum: {@code prefix}, 30 random base62 characters, then the
   * CRC32 of those in six base62 digits (what GitHub's and npm's formats, which rekey's detectors
   * check).
   */
  public static String githubToken(String prefix) {
    String random = random(30);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(random.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    String digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    char[] checksum = new char[6];
    long rest = crc.getValue();
    for (int i = 5; i >= 0; i--) {
      checksum[i] = digits.charAt((int) (rest % 62));
      rest /= 62;
    }
    return prefix + random + new String(checksum);
  }

  /** Random lower-case hex. */
  public static String hex(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append("0123456789abcdef".charAt(RANDOM.nextInt(16)));
    }
    return text.toString();
  }

  /** A page of {@code items} after the item with id {@code after}, of at most {@code limit}. */
  public static <T> List<T> page(
      List<T> items, java.util.function.Function<T, String> id, @Nullable String after, int limit) {
    int start = 0;
    if (after != null) {
      for (int i = 0; i < items.size(); i++) {
        if (id.apply(items.get(i)).equals(after)) {
          start = i + 1;
        }
      }
    }
    return items.subList(Math.min(start, items.size()), Math.min(items.size(), start + limit));
  }
}

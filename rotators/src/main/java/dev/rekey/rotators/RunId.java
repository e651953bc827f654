package dev.rekey.rotators;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A rotation run's id, e.g. {@code 20260301T101502Z-3fa94c}: sortable by start time, safe as a file
 * name, unique enough to derive idempotency keys from.
 */
public record RunId(String value) {
  private static final Pattern SHAPE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z_-]{0,63}");
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  public RunId {
    if (!SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "'"
              + value
              + "' is not a run id: expected letters, digits, '-' or '_', e.g. "
              + "20260301T101502Z-3fa94c");
    }
  }

  /** A new id for a run starting at {@code now}. */
  public static RunId next(Instant now) {
    byte[] random = new byte[3];
    RANDOM.nextBytes(random);
    return new RunId(STAMP.format(now) + "-" + HexFormat.of().formatHex(random));
  }

  @Override
  public String toString() {
    return value;
  }
}

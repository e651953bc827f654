package dev.rekey.scanner;

import dev.rekey.detectors.Detector;
import dev.rekey.detectors.Engine;
import dev.rekey.detectors.Rule;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Proves cheaply that most blobs of a history hold no secret, by matching each distinct line once.
 * Most of a long history is the same lines again, so each thread remembers the lines it has seen
 * and whether each holds one of the engine's keywords. A blob whose every line is known and
 * keyword-free cannot yield a match — the engine only looks around keyword hits, and no keyword
 * spans lines — so it is not matched at all; a blob with any keyword line, known or new, is matched
 * in full as before. Findings are therefore exactly those of a full scan, multi-line secrets (PEM
 * blocks) and context-dependent checks included, while the matching work shrinks to the distinct
 * lines. Lines are identified by a 128-bit hash keyed afresh each run.
 */
final class LineSieve {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
  private static final long LOW_BITS = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  private final byte[][] keywords;
  private final boolean[] starts = new boolean[1 << 16];
  private final long seed = new SecureRandom().nextLong();
  private final ThreadLocal<LineTable> tables = ThreadLocal.withInitial(LineTable::new);

  private LineSieve(List<byte[]> keywords) {
    this.keywords = keywords.toArray(byte[][]::new);
    for (byte[] keyword : this.keywords) {
      for (int a : cases(keyword[0])) {
        for (int b : cases(keyword[1])) {
          starts[(a << 8) | b] = true;
        }
      }
    }
  }

  /**
   * A sieve for {@code detector}, or null when it cannot be proven right for it: only the
   * keyword-driven {@link Engine} is sieved, and only when no keyword is shorter than two bytes or
   * holds a line break.
   */
  static @Nullable LineSieve of(Detector detector) {
    if (!(detector instanceof Engine)) {
      return null;
    }
    Set<String> distinct = new LinkedHashSet<>();
    detector.rules().stream().map(Rule::keywords).forEach(distinct::addAll);
    List<byte[]> keywords = new ArrayList<>();
    for (String keyword : distinct) {
      byte[] bytes = keyword.getBytes(StandardCharsets.UTF_8);
      if (bytes.length < 2 || keyword.indexOf('\n') >= 0 || keyword.indexOf('\r') >= 0) {
        return null;
      }
      keywords.add(bytes);
    }
    return new LineSieve(keywords);
  }

  /** Whether {@code content} certainly holds no keyword, so no match. */
  boolean keywordFree(byte[] content) {
    LineTable seen = tables.get();
    int start = 0;
    while (start < content.length) {
      int end = lineEnd(content, start);
      long h1 = seed;
      long h2 = ~seed;
      int i = start;
      for (; i + 8 <= end; i += 8) {
        long word = (long) LONGS.get(content, i);
        h1 = mix(h1 ^ word, 0x9E3779B97F4A7C15L);
        h2 = mix(h2 + word, 0xC2B2AE3D27D4EB4FL);
      }
      long tail = (long) end - i;
      for (; i < end; i++) {
        tail = (tail << 8) | (content[i] & 0xff);
      }
      long length = (long) end - start;
      h1 = mix(h1 ^ tail ^ length, 0x9E3779B97F4A7C15L);
      h2 = mix(h2 + tail + length, 0xC2B2AE3D27D4EB4FL);
      int known = seen.get(h1, h2);
      if (known == LineTable.UNKNOWN) {
        known = hasKeyword(content, start, end) ? LineTable.KEYWORD : LineTable.CLEAN;
        seen.put(h1, h2, known);
      }
      if (known == LineTable.KEYWORD) {
        return false;
      }
      start = end + 1;
    }
    return true;
  }

  /** The index of the next line break at or after {@code from}, or the length: 8 bytes a step. */
  private static int lineEnd(byte[] content, int from) {
    int i = from;
    for (; i + 8 <= content.length; i += 8) {
      long x = (long) LONGS.get(content, i) ^ NEWLINES;
      long found = (x - LOW_BITS) & ~x & HIGH_BITS;
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    while (i < content.length && content[i] != '\n') {
      i++;
    }
    return i;
  }

  private static long mix(long value, long multiplier) {
    long x = value * multiplier;
    return x ^ (x >>> 29);
  }

  /**
   * Whether a keyword occurs in {@code content[from, to)}, ignoring ASCII case as the engine does.
   */
  private boolean hasKeyword(byte[] content, int from, int to) {
    for (int i = from; i + 1 < to; i++) {
      if (starts[((content[i] & 0xff) << 8) | (content[i + 1] & 0xff)]) {
        for (byte[] keyword : keywords) {
          if (matchesAt(content, i, to, keyword)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean matchesAt(byte[] content, int at, int to, byte[] keyword) {
    if (at + keyword.length > to) {
      return false;
    }
    for (int j = 0; j < keyword.length; j++) {
      if (fold(content[at + j]) != keyword[j]) {
        return false;
      }
    }
    return true;
  }

  private static byte fold(byte b) {
    return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
  }

  /** The byte values that fold to {@code b}: itself, and its upper case for a-z. */
  private static int[] cases(byte b) {
    int value = b & 0xff;
    return value >= 'a' && value <= 'z'
        ? new int[] {value, value - ('a' - 'A')}
        : new int[] {value};
  }
}

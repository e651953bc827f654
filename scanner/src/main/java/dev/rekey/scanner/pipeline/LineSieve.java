package dev.rekey.scanner.pipeline;

import dev.rekey.detectors.Detector;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.SecureRandom;
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

  private final KeywordSet keywords;
  private final long seed = new SecureRandom().nextLong();
  private final ThreadLocal<LineTable> tables = ThreadLocal.withInitial(LineTable::new);

  private LineSieve(KeywordSet keywords) {
    this.keywords = keywords;
  }

  /**
   * A sieve for {@code detector}, or null when it cannot be proven right (see {@link KeywordSet}).
   */
  static @Nullable LineSieve of(Detector detector) {
    KeywordSet keywords = KeywordSet.of(detector);
    return keywords == null ? null : new LineSieve(keywords);
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
        known = keywords.anyIn(content, start, end) ? LineTable.KEYWORD : LineTable.CLEAN;
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
}

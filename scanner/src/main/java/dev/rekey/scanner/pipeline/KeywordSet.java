package dev.rekey.scanner.pipeline;

import dev.rekey.detectors.Detector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The keywords of a keyword-driven detector, to prove content clean without matching it. The engine
 * only looks for secrets around occurrences of its rules' keywords (ignoring ASCII case), so
 * content in which no keyword occurs cannot yield a match. Sources use this to skip matching what
 * they can prove keyword-free more cheaply than the engine can scan it: a git source, the bytes a
 * delta adds to a keyword-free base.
 */
public final class KeywordSet {
  private static final byte[] FOLD = new byte[256];
  private static final int FILTER_BITS = 16;

  static {
    for (int b = 0; b < 256; b++) {
      FOLD[b] = (byte) (b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
    }
  }

  private final int prefix;
  private final long[] filter = new long[(1 << FILTER_BITS) / 64];
  private final Map<Integer, List<byte[]>> byPrefix = new HashMap<>();
  private final int longest;

  /**
   * Indexes the keywords by their first {@code prefix} bytes (at most four): a rolling window of
   * that many case-folded bytes is hashed into a small bit filter, so each byte of content costs a
   * few instructions and only a filter hit is compared in full.
   */
  private KeywordSet(List<byte[]> keywords) {
    int shortest = keywords.stream().mapToInt(k -> k.length).min().orElse(2);
    this.prefix = Math.min(4, shortest);
    this.longest = keywords.stream().mapToInt(k -> k.length).max().orElse(0);
    for (byte[] keyword : keywords) {
      int window = 0;
      for (int i = 0; i < prefix; i++) {
        window = (window << 8) | (keyword[i] & 0xff);
      }
      int slot = slot(window);
      filter[slot >>> 6] |= 1L << slot;
      byPrefix.computeIfAbsent(window, w -> new ArrayList<>()).add(keyword);
    }
  }

  private static int slot(int window) {
    return (window * 0x9E3779B1) >>> (32 - FILTER_BITS);
  }

  /**
   * The {@link Detector#triggers() triggers} of {@code detector}, or null when clean content cannot
   * be proven from them: when it names none, or one has fewer than two bytes or a line break.
   */
  public static @Nullable KeywordSet of(Detector detector) {
    List<byte[]> keywords = new ArrayList<>();
    for (String keyword : detector.triggers()) {
      byte[] bytes = keyword.getBytes(StandardCharsets.UTF_8);
      if (bytes.length < 2 || keyword.indexOf('\n') >= 0 || keyword.indexOf('\r') >= 0) {
        return null;
      }
      keywords.add(bytes);
    }
    return keywords.isEmpty() ? null : new KeywordSet(keywords);
  }

  /** The length in bytes of the longest keyword. */
  public int longest() {
    return longest;
  }

  /** Whether a keyword lies wholly in {@code content[from, to)}, ignoring ASCII case. */
  public boolean anyIn(byte[] content, int from, int to) {
    int start = Math.max(0, from);
    int end = Math.min(to, content.length);
    int mask = prefix == 4 ? -1 : (1 << (8 * prefix)) - 1;
    int window = 0;
    for (int i = start; i < end; i++) {
      window = ((window << 8) | (FOLD[content[i] & 0xff] & 0xff)) & mask;
      if (i - start >= prefix - 1) {
        int slot = slot(window);
        if ((filter[slot >>> 6] & (1L << slot)) != 0
            && verify(content, i - prefix + 1, end, window)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean verify(byte[] content, int at, int to, int window) {
    List<byte[]> candidates = byPrefix.get(window);
    if (candidates != null) {
      for (byte[] keyword : candidates) {
        if (matchesAt(content, at, to, keyword)) {
          return true;
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
      if (FOLD[content[at + j] & 0xff] != keyword[j]) {
        return false;
      }
    }
    return true;
  }
}

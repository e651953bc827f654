package dev.rekey.detectors.decode;

import java.util.List;

/**
 * Percent-encoded text ({@code %2F}, {@code %3A}, …) as found in URLs, query strings and form
 * bodies: the run of URL characters around an escape is decoded when it holds at least two.
 */
public final class PercentDecoder implements Decoder {
  private static final int MAX_RUN = 4096;

  @Override
  public List<String> keywords() {
    return List.of("%2f", "%3a", "%40", "%3d", "%2b", "%20", "%0a", "%2d", "%5f");
  }

  @Override
  public int decode(byte[] data, int hitStart, int hitEnd, List<Decoded> out) {
    int start = hitStart;
    while (start > 0 && hitStart - start < MAX_RUN && urlChar(data[start - 1])) {
      start--;
    }
    int end = hitEnd;
    while (end < data.length && end - hitEnd < MAX_RUN && urlChar(data[end])) {
      end++;
    }
    Decoded decoded = decode(data, start, end);
    if (decoded != null) {
      out.add(decoded);
    }
    return end;
  }

  private static @org.jspecify.annotations.Nullable Decoded decode(
      byte[] data, int start, int end) {
    byte[] bytes = new byte[end - start];
    int[] offsets = new int[end - start + 1];
    int n = 0;
    int escapes = 0;
    for (int i = start; i < end; n++) {
      offsets[n] = i;
      int high = i + 2 < end && data[i] == '%' ? Hex.value(data[i + 1]) : -1;
      int low = high >= 0 ? Hex.value(data[i + 2]) : -1;
      if (low >= 0) {
        bytes[n] = (byte) (high << 4 | low);
        escapes++;
        i += 3;
      } else {
        bytes[n] = data[i++];
      }
    }
    offsets[n] = end;
    if (escapes < 2) {
      return null;
    }
    return new Decoded(
        "percent",
        start,
        end,
        java.util.Arrays.copyOf(bytes, n),
        java.util.Arrays.copyOf(offsets, n + 1));
  }

  private static boolean urlChar(byte b) {
    return (b >= 'a' && b <= 'z')
        || (b >= 'A' && b <= 'Z')
        || (b >= '0' && b <= '9')
        || "%-._~+/=:@&?!$*,;".indexOf(b) >= 0;
  }
}

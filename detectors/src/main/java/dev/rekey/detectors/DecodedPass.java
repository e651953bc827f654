package dev.rekey.detectors;

import dev.rekey.detectors.decode.Decoded;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the decoders whose keywords occurred, scans each decoding in a view made of the line's text
 * before the encoded span followed by the decoded bytes (so {@code password: <base64>} reads as
 * {@code password: <decoded>}), and maps what is found back to the encoded span.
 */
final class DecodedPass {
  /** Bytes of the line before an encoded span kept in its view, for context such as names. */
  private static final int PREFIX = 96;

  /** Decodings shorter than this hold no secret worth a scan. */
  private static final int MIN_DECODED = 8;

  private final Engine engine;
  private final byte[] data;
  private final int depth;
  private final int[] covered;
  private final List<Decoded> decodings = new ArrayList<>();
  private long budget;

  DecodedPass(Engine engine, byte[] data, int depth) {
    this.engine = engine;
    this.data = data;
    this.depth = depth;
    // Decoding never costs more than a few times the content itself, however it is crafted.
    this.budget = 4L * data.length + 65_536;
    this.covered = new int[engine.decoders.size()];
  }

  /**
   * Runs decoder {@code decoder} on its keyword hit at {@code [start, end)} unless an earlier
   * decoding of the same decoder already covered it. Called from the keyword pass, in order.
   */
  void offer(int decoder, int start, int end) {
    if (start < covered[decoder] || budget <= 0) {
      return;
    }
    int before = decodings.size();
    int examined = engine.decoders.get(decoder).decode(data, start, end, decodings);
    covered[decoder] = Math.max(covered[decoder], examined);
    for (int i = before; i < decodings.size(); i++) {
      Decoded decoded = decodings.get(i);
      covered[decoder] = Math.max(covered[decoder], decoded.end());
      budget -= decoded.end() - decoded.start();
    }
  }

  /** Every match in the decodings offered so far, mapped back to the encoded text. */
  List<Match> finish() {
    List<Match> found = new ArrayList<>();
    for (Decoded decoded : decodings) {
      if (decoded.bytes().length >= MIN_DECODED) {
        scan(decoded, found);
      }
    }
    return found;
  }

  private void scan(Decoded decoded, List<Match> found) {
    int from = decoded.start();
    while (from > 0 && decoded.start() - from < PREFIX && data[from - 1] != '\n') {
      from--;
    }
    int prefix = decoded.start() - from;
    byte[] view = EnginePass.concat(data, from, decoded.start(), decoded.bytes());
    for (Match match : engine.scan(view, depth + 1)) {
      if (match.end() > prefix) {
        found.add(EnginePass.mapped(match, decoded, prefix));
      }
    }
  }
}

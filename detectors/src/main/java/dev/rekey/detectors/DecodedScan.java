package dev.rekey.detectors;

import dev.rekey.detectors.decode.Decoded;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the decoders whose keywords occurred, scans each decoding in a view made of the line's text
 * before the encoded span followed by the decoded bytes (so {@code password: <base64>} reads as
 * {@code password: <decoded>}), and maps what is found back to the encoded span.
 */
final class DecodedScan {
  /** Bytes of the line before an encoded span kept in its view, for context such as names. */
  private static final int PREFIX = 96;

  private final Engine engine;
  private final byte[] data;
  private final int depth;
  private long budget;

  DecodedScan(Engine engine, byte[] data, int depth) {
    this.engine = engine;
    this.data = data;
    this.depth = depth;
    // Decoding never costs more than a few times the content itself, however it is crafted.
    this.budget = 4L * data.length + 65_536;
  }

  /** Every match in the decodings triggered by {@code hits} ({decoder, start, end} triples). */
  List<Match> run(List<int[]> hits) {
    int[] covered = new int[engine.decoders.size()];
    List<Match> found = new ArrayList<>();
    List<Decoded> decodings = new ArrayList<>();
    for (int[] hit : hits) {
      int decoder = hit[0];
      if (hit[1] < covered[decoder] || budget <= 0) {
        continue;
      }
      decodings.clear();
      engine.decoders.get(decoder).decode(data, hit[1], hit[2], decodings);
      for (Decoded decoded : decodings) {
        covered[decoder] = Math.max(covered[decoder], decoded.end());
        budget -= decoded.end() - decoded.start();
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
    byte[] view = Scan.concat(data, from, decoded.start(), decoded.bytes());
    for (Match match : engine.scan(view, depth + 1)) {
      if (match.end() > prefix) {
        found.add(Scan.mapped(match, decoded, prefix));
      }
    }
  }
}

package dev.rekey.detectors.decode;

import java.util.List;

/**
 * Finds and decodes one kind of encoded text. The engine runs a decoder only where one of its
 * {@link #keywords()} occurs, so a decoder costs nothing on text without them.
 */
public interface Decoder {

  /** Lower-case literals whose occurrence may start or announce encoded text. */
  List<String> keywords();

  /**
   * Decodes the encoded text announced by the keyword at {@code [hitStart, hitEnd)} of {@code
   * data}, adding every decoding to {@code out}. Must not throw on malformed input: what does not
   * decode is simply not added.
   *
   * @return the offset up to which the text around this hit was examined: later hits of this
   *     decoder before it are not offered again (at least {@code hitEnd})
   */
  int decode(byte[] data, int hitStart, int hitEnd, List<Decoded> out);
}

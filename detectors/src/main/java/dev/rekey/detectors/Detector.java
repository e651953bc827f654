package dev.rekey.detectors;

import java.util.List;
import java.util.Set;

/** Finds secrets in content. Implementations are thread-safe and pure. */
public interface Detector {

  /** Every secret in {@code content}, in order of position. The array is not modified. */
  List<Match> detect(byte[] content);

  /** The rules this detector applies. */
  List<Rule> rules();

  /**
   * Every literal whose occurrence (ignoring ASCII case) makes this detector look at the text
   * around it, so that content holding none of them yields no match: sources use it to prove
   * content clean without matching it. Empty when the detector cannot say, which proves nothing.
   */
  Set<String> triggers();
}

package dev.rekey.detectors;

import java.util.List;

/** Finds secrets in content. Implementations are thread-safe and pure. */
public interface Detector {

  /** Every secret in {@code content}, in order of position. The array is not modified. */
  List<Match> detect(byte[] content);

  /** The rules this detector applies. */
  List<Rule> rules();
}

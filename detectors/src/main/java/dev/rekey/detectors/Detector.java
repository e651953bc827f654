package dev.rekey.detectors;

import java.util.List;
import java.util.Set;

/** Finds secrets in content. Implementations are thread-safe and pure. */
public interface Detector {

  /** Every secret in {@code content}, in order of position. The array is not modified. */
  List<Match> detect(byte[] content);

  /**
   * Every secret in {@code content}, the content of a file at {@code path} ({@code /}-separated,
   * relative to what is scanned): {@link #detect(byte[])} and what the file-named rules find.
   */
  default List<Match> detect(byte[] content, String path) {
    return detect(content);
  }

  /**
   * Whether a file-named rule reads files at {@code path}: their content must be scanned even when
   * it holds no keyword.
   */
  default boolean readsFile(String path) {
    return false;
  }

  /** The rules this detector applies. */
  List<Rule> rules();

  /**
   * Every literal whose occurrence (ignoring ASCII case) makes this detector look at the text
   * around it, so that content holding none of them yields no match: sources use it to prove
   * content clean without matching it. Empty when the detector cannot say, which proves nothing.
   */
  Set<String> triggers();
}

package dev.rekey.scanner.config;

import dev.rekey.detectors.Detector;
import dev.rekey.detectors.KeywordHits;
import dev.rekey.detectors.KeywordScanner;
import dev.rekey.detectors.Match;
import dev.rekey.detectors.Rule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The engine of a configuration that disables rules. What the disabled rules would find is still
 * found on request ({@link #withheld}), so that it is masked in the excerpt around a reported
 * secret rather than shown there (a disabled rule's key beside a reported one).
 */
final class ConfiguredDetector implements Detector {
  private final Detector inner;
  private final Detector disabled;

  /**
   * @param inner the engine of the rules that run
   * @param disabled an engine of the rules the configuration disables
   */
  ConfiguredDetector(Detector inner, Detector disabled) {
    this.inner = inner;
    this.disabled = disabled;
  }

  @Override
  public List<Match> detect(byte[] content) {
    return inner.detect(content);
  }

  @Override
  public List<Match> detect(byte[] content, @Nullable String path, @Nullable KeywordHits hits) {
    return inner.detect(content, path, hits);
  }

  /** The running rules' keyword pass: disabling rules must not cost a history scan its speed. */
  @Override
  public @Nullable KeywordScanner keywordScanner() {
    return inner.keywordScanner();
  }

  @Override
  public List<Match> withheld(byte[] content) {
    return disabled.detect(content);
  }

  @Override
  public List<Rule> rules() {
    return inner.rules();
  }

  @Override
  public Set<String> triggers() {
    return inner.triggers();
  }

  @Override
  public Map<String, Long> exhausted() {
    return inner.exhausted();
  }
}

package dev.rekey.scanner.config;

import dev.rekey.detectors.Detector;
import dev.rekey.detectors.Match;
import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A detector with the configuration's severity overrides and value allowlist applied. What the
 * configuration hides — allowlisted values, the matches of disabled rules — is still found on
 * request ({@link #withheld}), so that it is masked in the excerpt around a reported secret rather
 * than shown there.
 */
final class ConfiguredDetector implements Detector {
  private final Detector inner;
  private final Map<String, Severity> severities;
  private final Allowlist allowlist;
  private final @Nullable Detector disabled;
  private final Set<String> allowed = ConcurrentHashMap.newKeySet();

  /**
   * @param disabled a detector of the rules the configuration disables, or null for none
   */
  ConfiguredDetector(
      Detector inner,
      Map<String, Severity> severities,
      Allowlist allowlist,
      @Nullable Detector disabled) {
    this.inner = inner;
    this.severities = severities;
    this.allowlist = allowlist;
    this.disabled = disabled;
  }

  @Override
  public List<Match> detect(byte[] content) {
    List<Match> matches = inner.detect(content);
    List<Match> kept = new ArrayList<>(matches.size());
    for (Match match : matches) {
      if (allowlist.allowsValue(match.secret().reveal())) {
        allowed.add(match.secret().fingerprint(match.rule().id()));
        continue;
      }
      Severity override = severities.get(match.rule().id());
      kept.add(
          override == null
              ? match
              : new Match(
                  match.rule(),
                  match.start(),
                  match.end(),
                  match.secret(),
                  override,
                  match.facts()));
    }
    return kept;
  }

  /** How many distinct secrets the value allowlist has kept out of the findings so far. */
  int allowed() {
    return allowed.size();
  }

  @Override
  public List<Match> withheld(byte[] content) {
    List<Match> hidden = new ArrayList<>();
    if (!allowlist.values().isEmpty() || !allowlist.regexes().isEmpty()) {
      for (Match match : inner.detect(content)) {
        if (allowlist.allowsValue(match.secret().reveal())) {
          hidden.add(match);
        }
      }
    }
    Detector off = disabled;
    if (off != null) {
      hidden.addAll(off.detect(content));
    }
    return hidden;
  }

  @Override
  public List<Rule> rules() {
    return inner.rules();
  }

  @Override
  public @Nullable Set<String> triggers() {
    return inner.triggers();
  }

  @Override
  public Map<String, Long> exhausted() {
    return inner.exhausted();
  }
}

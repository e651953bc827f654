package dev.rekey.scanner.config;

import dev.rekey.detectors.Detector;
import dev.rekey.detectors.KeywordHits;
import dev.rekey.detectors.KeywordScanner;
import dev.rekey.detectors.Match;
import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A detector with the configuration's severity overrides and value allowlist applied. */
final class ConfiguredDetector implements Detector {
  private final Detector inner;
  private final Map<String, Severity> severities;
  private final Allowlist allowlist;

  ConfiguredDetector(Detector inner, Map<String, Severity> severities, Allowlist allowlist) {
    this.inner = inner;
    this.severities = severities;
    this.allowlist = allowlist;
  }

  /** The inner detector's: a configuration filters matches, it never makes matching slower. */
  @Override
  public @Nullable KeywordScanner keywordScanner() {
    return inner.keywordScanner();
  }

  @Override
  public List<Match> detect(byte[] content) {
    return configured(inner.detect(content));
  }

  @Override
  public List<Match> detect(byte[] content, @Nullable KeywordHits hits) {
    return configured(inner.detect(content, hits));
  }

  private List<Match> configured(List<Match> matches) {
    List<Match> kept = new ArrayList<>(matches.size());
    for (Match match : matches) {
      if (allowlist.allowsValue(match.secret().reveal())) {
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

  @Override
  public List<Rule> rules() {
    return inner.rules();
  }
}

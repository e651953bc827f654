package dev.rekey.scanner.config;

import dev.rekey.detectors.Detector;
import dev.rekey.detectors.Match;
import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

  @Override
  public List<Match> detect(byte[] content) {
    return configured(inner.detect(content));
  }

  @Override
  public List<Match> detect(byte[] content, String path) {
    return configured(inner.detect(content, path));
  }

  @Override
  public boolean readsFile(String path) {
    return inner.readsFile(path);
  }

  private List<Match> configured(List<Match> matches) {
    List<Match> kept = new ArrayList<>(matches.size());
    for (Match match : matches) {
      if (allowlist.allowsValue(match.secret().reveal())) {
        continue;
      }
      Severity override = severities.get(match.rule().id());
      kept.add(override == null ? match : match.withSeverity(override));
    }
    return kept;
  }

  @Override
  public List<Rule> rules() {
    return inner.rules();
  }
}

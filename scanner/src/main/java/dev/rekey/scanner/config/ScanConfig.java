package dev.rekey.scanner.config;

import dev.rekey.detectors.Detector;
import dev.rekey.detectors.Engine;
import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import dev.rekey.detectors.rules.RuleCatalog;
import dev.rekey.scanner.model.Finding;
import dev.rekey.scanner.model.Location;
import dev.rekey.scanner.model.ScanResult;
import dev.rekey.scanner.pipeline.ScanPipeline;
import dev.rekey.scanner.pipeline.ScanProgress;
import dev.rekey.scanner.pipeline.ScanSettings;
import dev.rekey.scanner.pipeline.Source;
import dev.rekey.scanner.pipeline.SourceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A validated {@code .rekey.toml}: which rules run, at what severity, and what is allowed.
 *
 * @param source the file it was read from, or null for the defaults
 * @param disabled ids of built-in or custom rules not to run
 * @param severities severity overrides by rule id
 * @param customRules rules defined in the file, run after the built-in ones
 * @param allowlist paths and values never reported
 * @param providerUrls provider base URLs from {@code [providers.NAME] url}, for verification and
 *     rotation (tests point them at loopback)
 */
public record ScanConfig(
    @Nullable String source,
    Set<String> disabled,
    Map<String, Severity> severities,
    List<Rule> customRules,
    Allowlist allowlist,
    Map<String, String> providerUrls) {

  /** No configuration file: every built-in rule, nothing allowed. */
  public static final ScanConfig DEFAULTS =
      new ScanConfig(null, Set.of(), Map.of(), List.of(), Allowlist.NONE, Map.of());

  public ScanConfig {
    disabled = Set.copyOf(disabled);
    severities = Map.copyOf(severities);
    customRules = List.copyOf(customRules);
    providerUrls = Map.copyOf(providerUrls);
  }

  /** The rules to run: built-in then custom, without the disabled ones. */
  public List<Rule> rules() {
    List<Rule> rules = new ArrayList<>(RuleCatalog.builtIn());
    rules.addAll(customRules);
    rules.removeIf(rule -> disabled.contains(rule.id()));
    return rules;
  }

  /** The detector this configuration asks for. */
  public Detector detector() {
    Detector engine = new Engine(rules());
    if (severities.isEmpty() && allowlist.values().isEmpty() && allowlist.regexes().isEmpty()) {
      return engine;
    }
    return new ConfiguredDetector(engine, severities, allowlist);
  }

  /**
   * Scans {@code sources} as this configuration asks: its rules, severities and allowlists.
   *
   * @throws SourceException when a source as a whole cannot be read
   */
  public ScanResult scan(List<? extends Source> sources, ScanSettings settings)
      throws SourceException {
    return scan(sources, settings, new ScanProgress());
  }

  /** As {@link #scan(List, ScanSettings)}, updating {@code progress} as it goes. */
  public ScanResult scan(
      List<? extends Source> sources, ScanSettings settings, ScanProgress progress)
      throws SourceException {
    return apply(new ScanPipeline(detector(), settings).run(sources, progress));
  }

  /** {@code result} without the findings, and locations, that the path allowlist allows. */
  public ScanResult apply(ScanResult result) {
    if (allowlist.paths().isEmpty()) {
      return result;
    }
    List<Finding> kept = new ArrayList<>();
    for (Finding finding : result.findings()) {
      List<Location> locations = finding.locations().stream().filter(l -> !allowed(l)).toList();
      if (!locations.isEmpty()) {
        kept.add(finding.withLocations(locations));
      }
    }
    return new ScanResult(kept, result.stats(), result.problems());
  }

  private boolean allowed(Location location) {
    String path = location.provenance().path();
    return path != null && allowlist.allowsPath(path);
  }
}

package dev.rekey.scanner.config;

import dev.rekey.detectors.Detector;
import dev.rekey.detectors.Engine;
import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import dev.rekey.detectors.rules.RuleCatalog;
import dev.rekey.scanner.model.Finding;
import dev.rekey.scanner.model.Location;
import dev.rekey.scanner.model.ScanResult;
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

  /** The detector this configuration runs: the engine with its rules. */
  public Detector detector() {
    return new Engine(rules());
  }

  /**
   * {@code result} as this configuration wants it reported: without the findings whose value the
   * allowlist allows, at the severities it sets, and without the locations (then the findings) its
   * path allowlist allows. Applied after detection, so the detector stays the bare engine.
   */
  public ScanResult apply(ScanResult result) {
    List<Finding> kept = new ArrayList<>();
    for (Finding finding : result.findings()) {
      if (!allowlist.allowsValue(finding.secret().reveal())) {
        Severity override = severities.get(finding.rule().id());
        kept.add(override == null ? finding : finding.withSeverity(override));
      }
    }
    kept.sort(Finding.ORDER);
    return result.withFindings(allowlist.paths().isEmpty() ? kept : withoutAllowedPaths(kept));
  }

  private List<Finding> withoutAllowedPaths(List<Finding> findings) {
    List<Finding> kept = new ArrayList<>();
    for (Finding finding : findings) {
      List<Location> locations = finding.locations().stream().filter(l -> !allowed(l)).toList();
      if (!locations.isEmpty()) {
        kept.add(finding.withLocations(locations));
      }
    }
    return kept;
  }

  /** Whether the allowlist names the location's file, or the file holding it (a source map). */
  private boolean allowed(Location location) {
    String path = location.provenance().path();
    String container = location.provenance().container();
    return (path != null && allowlist.allowsPath(path))
        || (container != null && allowlist.allowsPath(container));
  }
}

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
import java.util.TreeSet;
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
 *     rotation; always empty for a repository's own file, which may not choose where secrets go
 * @param warnings settings the file holds that were ignored, each naming the file and line
 */
public record ScanConfig(
    @Nullable String source,
    Set<String> disabled,
    Map<String, Severity> severities,
    List<Rule> customRules,
    Allowlist allowlist,
    Map<String, String> providerUrls,
    List<String> warnings) {

  /** No configuration file: every built-in rule, nothing allowed. */
  public static final ScanConfig DEFAULTS =
      new ScanConfig(null, Set.of(), Map.of(), List.of(), Allowlist.NONE, Map.of(), List.of());

  public ScanConfig {
    disabled = Set.copyOf(disabled);
    severities = Map.copyOf(severities);
    customRules = List.copyOf(customRules);
    providerUrls = Map.copyOf(providerUrls);
    warnings = List.copyOf(warnings);
  }

  /** The rules to run: built-in then custom, without the disabled ones. */
  public List<Rule> rules() {
    List<Rule> rules = new ArrayList<>(RuleCatalog.builtIn());
    rules.addAll(customRules);
    rules.removeIf(rule -> disabled.contains(rule.id()));
    return rules;
  }

  /**
   * The detector this configuration runs: the engine with its rules. The disabled rules still find
   * their secrets on request ({@link Detector#withheld}), so that an excerpt around a reported
   * secret masks them rather than shows them.
   */
  public Detector detector() {
    Engine engine = new Engine(rules());
    List<Rule> off = new ArrayList<>(RuleCatalog.builtIn());
    off.addAll(customRules);
    off.removeIf(rule -> !disabled.contains(rule.id()));
    return off.isEmpty() ? engine : new ConfiguredDetector(engine, new Engine(off));
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

  /**
   * What {@link #apply} kept out of {@code found} — findings in allowlisted paths, secrets
   * allowlisted by value — and which rules were disabled, each naming this file; empty for the
   * defaults. A repository's own file may suppress findings; the user sees that it did.
   */
  public List<String> suppressed(ScanResult found) {
    String file = source;
    if (file == null) {
      return List.of();
    }
    long byValue =
        found.findings().stream().filter(f -> allowlist.allowsValue(f.secret().reveal())).count();
    ScanResult kept = apply(found);
    long byPath = found.findings().size() - byValue - kept.findings().size();
    List<String> notes = new ArrayList<>();
    if (byPath > 0) {
      notes.add(count(byPath, "finding") + " in paths " + file + " allows not shown");
    }
    if (byValue > 0) {
      notes.add(count(byValue, "secret") + " " + file + " allows by value not shown");
    }
    if (!disabled.isEmpty()) {
      notes.add("rules disabled by " + file + ": " + String.join(", ", new TreeSet<>(disabled)));
    }
    return notes;
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
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

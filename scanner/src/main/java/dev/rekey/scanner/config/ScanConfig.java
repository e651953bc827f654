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
import java.util.TreeSet;
import java.util.function.Consumer;
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

  /** The detector this configuration asks for. */
  public Detector detector() {
    Detector engine = new Engine(rules());
    List<Rule> off = new ArrayList<>(RuleCatalog.builtIn());
    off.addAll(customRules);
    off.removeIf(rule -> !disabled.contains(rule.id()));
    if (severities.isEmpty()
        && allowlist.values().isEmpty()
        && allowlist.regexes().isEmpty()
        && off.isEmpty()) {
      return engine;
    }
    return new ConfiguredDetector(
        engine, severities, allowlist, off.isEmpty() ? null : new Engine(off));
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
    return scan(sources, settings, progress, note -> {});
  }

  /**
   * As {@link #scan(List, ScanSettings, ScanProgress)}, telling {@code notes} what this
   * configuration kept out of the result, naming its file: findings in allowlisted paths, secrets
   * allowlisted by value, disabled rules. A repository's own file may suppress findings; the user
   * sees that it did.
   */
  public ScanResult scan(
      List<? extends Source> sources,
      ScanSettings settings,
      ScanProgress progress,
      Consumer<String> notes)
      throws SourceException {
    Detector detector = detector();
    ScanResult found = new ScanPipeline(detector, settings).run(sources, progress);
    ScanResult kept = apply(found);
    String file = source;
    if (file != null) {
      int byPath = found.findings().size() - kept.findings().size();
      int byValue = detector instanceof ConfiguredDetector configured ? configured.allowed() : 0;
      if (byPath > 0) {
        notes.accept(count(byPath, "finding") + " in paths " + file + " allows not shown");
      }
      if (byValue > 0) {
        notes.accept(count(byValue, "secret") + " " + file + " allows by value not shown");
      }
      if (!disabled.isEmpty()) {
        notes.accept(
            "rules disabled by " + file + ": " + String.join(", ", new TreeSet<>(disabled)));
      }
    }
    return kept;
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
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

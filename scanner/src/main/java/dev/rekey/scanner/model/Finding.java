package dev.rekey.scanner.model;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.SecretValue;
import dev.rekey.detectors.Severity;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One secret found by one rule, wherever it occurs: the unit a user triages. The same secret at
 * several places is one finding with several locations.
 *
 * @param rule the rule that found it
 * @param secret the secret
 * @param severity the highest severity of its matches, adjusted for its exposure and lowered one
 *     step when it was found only in tests or documentation ({@link #context()})
 * @param locations every place it was found, the most exposed first (public, server, history,
 *     local) and the oldest first within each, so the primary location is where the most people can
 *     read the secret
 * @param facts non-secret facts established by the rule's checks
 * @param spread how far it has spread through a git history, or null when it was not found there
 * @param verified what the provider said about the secret, or null when it was not asked
 */
public record Finding(
    Rule rule,
    SecretValue secret,
    Severity severity,
    List<Location> locations,
    Map<String, String> facts,
    @Nullable GitSpread spread,
    @Nullable Verified verified) {

  /** The order of a report: most severe first, then by primary path and position, then rule. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::severity)
          .thenComparing(f -> Objects.requireNonNullElse(f.primary().provenance().path(), ""))
          .thenComparingInt(f -> f.primary().line())
          .thenComparingInt(f -> f.primary().column())
          .thenComparing(f -> f.rule().id());

  public Finding {
    if (locations.isEmpty()) {
      throw new IllegalArgumentException("a finding needs at least one location");
    }
    locations = List.copyOf(locations);
    facts = Map.copyOf(facts);
  }

  /** A finding outside git history whose secret was not verified. */
  public Finding(
      Rule rule,
      SecretValue secret,
      Severity severity,
      List<Location> locations,
      Map<String, String> facts) {
    this(rule, secret, severity, locations, facts, null, null);
  }

  /** This finding with the provider's answer about its secret. */
  public Finding withVerified(Verified answer) {
    return new Finding(rule, secret, severity, locations, facts, spread, answer);
  }

  /**
   * This finding as if its rule's matches had {@code base} severity: the widest exposure of its
   * locations may still raise it, as for any finding.
   */
  public Finding withSeverity(Severity base) {
    Severity adjusted = exposure().adjust(rule, base);
    return new Finding(rule, secret, adjusted, locations, facts, spread, verified);
  }

  /** This finding at fewer places (an allowlist or a baseline dropped the others). */
  public Finding withLocations(List<Location> kept) {
    return new Finding(rule, secret, severity, kept, facts, spread, verified);
  }

  /** Hex SHA-256 of the rule id and the secret: stable across moves and history rewrites. */
  public String fingerprint() {
    return secret.fingerprint(rule.id());
  }

  /**
   * Who can read the secret: the exposure of its most exposed location, and at least {@link
   * Exposure#SERVER} while the default branch's tip holds it: it is in the project's code, whether
   * or not a working tree was scanned beside the history (a bare repository has none).
   */
  public Exposure exposure() {
    Exposure widest = Exposure.widest(locations.stream().map(Location::exposure).toList());
    boolean atTip = spread != null && spread.atDefaultTip();
    return atTip && widest.compareTo(Exposure.SERVER) > 0 ? Exposure.SERVER : widest;
  }

  /**
   * What the files holding the secret are for: {@link Context#CODE} when any location is code, else
   * tests, else documentation. A secret found only in tests or documentation was reported one
   * severity lower.
   */
  public Context context() {
    return locations.stream().map(Location::context).reduce(Context::widest).orElseThrow();
  }

  /** The location reported first: the most exposed place, the oldest of those. */
  public Location primary() {
    return locations.getFirst();
  }

  /**
   * Where the secret first entered git history: the location in the oldest commit that holds it, or
   * null when it was not found in history.
   */
  public @Nullable Location firstCommit() {
    for (Location location : locations) {
      if (location.provenance().commit() != null) {
        return location; // history locations are sorted oldest first
      }
    }
    return null;
  }
}

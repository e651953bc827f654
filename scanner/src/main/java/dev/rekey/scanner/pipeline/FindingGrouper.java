package dev.rekey.scanner.pipeline;

import dev.rekey.detectors.Match;
import dev.rekey.detectors.Severity;
import dev.rekey.scanner.model.CommitInfo;
import dev.rekey.scanner.model.Context;
import dev.rekey.scanner.model.Exposure;
import dev.rekey.scanner.model.Finding;
import dev.rekey.scanner.model.GitSpread;
import dev.rekey.scanner.model.Location;
import dev.rekey.scanner.model.MatchSite;
import dev.rekey.scanner.model.Provenance;
import dev.rekey.scanner.model.SourceKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Groups matches of the same secret under the same rule into one {@link Finding}. */
final class FindingGrouper {
  /**
   * The most exposed first (public, server, history, local), and built output before the files it
   * was built from (a bundle before the env file whose browser variable put the key in it), so that
   * a key shipped to browsers shows where it ships; within those, the oldest commit first, then
   * places outside history, then by path and position (in one file the secret before the identifier
   * paired with it).
   */
  static final Comparator<Location> LOCATION_ORDER = FindingGrouper::compareLocations;

  /**
   * {@link #LOCATION_ORDER}, written out: a chain of key extractors cost a tenth of a repeat scan
   * of rails (24k locations) while code runs unoptimised.
   */
  private static int compareLocations(Location a, Location b) {
    int order = a.exposure().compareTo(b.exposure());
    if (order != 0) {
      return order;
    }
    Provenance pa = a.provenance();
    Provenance pb = b.provenance();
    order = Boolean.compare(!built(pa.kind()), !built(pb.kind()));
    if (order != 0) {
      return order;
    }
    CommitInfo ca = pa.commit();
    CommitInfo cb = pb.commit();
    order = (ca == null ? Instant.MAX : ca.date()).compareTo(cb == null ? Instant.MAX : cb.date());
    if (order != 0) {
      return order;
    }
    order = pa.kind().compareTo(pb.kind());
    if (order != 0) {
      return order;
    }
    order =
        Objects.requireNonNullElse(pa.path(), "")
            .compareTo(Objects.requireNonNullElse(pb.path(), ""));
    if (order != 0) {
      return order;
    }
    order = Boolean.compare(a.companion(), b.companion());
    if (order != 0) {
      return order;
    }
    order = Integer.compare(a.line(), b.line());
    if (order != 0) {
      return order;
    }
    order = Integer.compare(a.column(), b.column());
    if (order != 0) {
      return order;
    }
    return (ca == null ? "" : ca.id()).compareTo(cb == null ? "" : cb.id());
  }

  private final Map<String, Group> groups = new LinkedHashMap<>();

  /**
   * Whether a secret is held only by ignored files, and no browser variable ships it: it is where
   * secrets belong, reported so that an audit sees every key the machine holds.
   */
  private static boolean ignoredOnly(List<Location> locations) {
    return locations.stream()
        .allMatch(
            l ->
                l.provenance() instanceof Provenance.IgnoredFile && l.exposure() == Exposure.LOCAL);
  }

  private static boolean built(SourceKind kind) {
    return kind == SourceKind.BUNDLE || kind == SourceKind.URL;
  }

  void add(Match match, List<Provenance> seenAt, MatchSite site, @Nullable GitSpread spread) {
    Group group =
        groups.computeIfAbsent(
            match.rule().id() + "\0" + match.secret().reveal(), key -> new Group(match));
    group.add(match);
    if (spread != null) {
      if (group.spreadSeen.add(spread)) {
        group.spreads.add(spread);
      }
    }
    for (Provenance provenance : seenAt) {
      group.locations.add(Location.of(provenance, site));
    }
  }

  List<Finding> findings() {
    List<Finding> findings = new ArrayList<>(groups.size());
    for (Group group : groups.values()) {
      List<Location> locations =
          group.locations.stream().distinct().sorted(LOCATION_ORDER).toList();
      Severity severity =
          ignoredOnly(locations)
              ? Severity.INFO
              : Exposure.widest(locations.stream().map(Location::exposure).toList())
                  .adjust(group.first.rule(), group.severity);
      boolean code = locations.stream().anyMatch(l -> l.context() == Context.CODE);
      severity = code ? severity : severity.lower();
      findings.add(
          new Finding(
              group.first.rule(),
              group.first.secret(),
              severity,
              locations,
              group.facts,
              GitSpread.mergeAll(group.spreads),
              null));
    }
    findings.sort(Finding.ORDER);
    return findings;
  }

  private static final class Group {
    final Match first;
    Severity severity;
    final Map<String, String> facts = new HashMap<>();
    final List<Location> locations = new ArrayList<>();

    /** The spreads of the blobs holding the secret, each once (one is met once per match). */
    final List<GitSpread> spreads = new ArrayList<>();

    final Set<GitSpread> spreadSeen = Collections.newSetFromMap(new IdentityHashMap<>());

    Group(Match first) {
      this.first = first;
      this.severity = first.severity();
    }

    void add(Match match) {
      if (match.severity().compareTo(severity) < 0) {
        severity = match.severity();
      }
      facts.putAll(match.facts());
    }
  }
}

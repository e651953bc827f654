package dev.rekey.detectors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Settles matches that cover the same text: a provider rule's reading beats a generic one, a rule
 * beats those it {@link Rule#supersedes()}, and a secret found in decoded text beats a generic
 * match of its encoded form.
 */
final class Overlaps {
  private Overlaps() {}

  /**
   * {@code matches} without generic matches overlapping a provider candidate ({@code claims}, every
   * span a provider pattern matched, accepted or not), without matches superseded by an overlapping
   * one, and with one generic match per span.
   */
  static List<Match> resolve(List<Match> matches, List<int[]> claims) {
    if (matches.isEmpty()) {
      return new ArrayList<>();
    }
    List<Match> kept = new ArrayList<>(matches.size());
    for (int i = 0; i < matches.size(); i++) {
      Match match = matches.get(i);
      if (match.rule().generic() && claimed(match, claims)) {
        continue;
      }
      if (!superseded(i, matches)) {
        kept.add(match);
      }
    }
    return oneGenericPerSpan(kept);
  }

  /** {@code direct} without generic matches overlapping a decoded match, plus the decoded ones. */
  static List<Match> withDecoded(List<Match> direct, List<Match> decoded) {
    if (decoded.isEmpty()) {
      return direct;
    }
    List<Match> all = new ArrayList<>(direct.size() + decoded.size());
    for (Match match : direct) {
      if (!match.rule().generic() || decoded.stream().noneMatch(d -> overlap(d, match))) {
        all.add(match);
      }
    }
    for (Match match : decoded) {
      if (all.stream()
          .noneMatch(m -> m.rule().id().equals(match.rule().id()) && m.start() == match.start())) {
        all.add(match);
      }
    }
    return all;
  }

  private static boolean claimed(Match match, List<int[]> claims) {
    for (int[] claim : claims) {
      if (claim[0] < match.end() && match.start() < claim[1]) {
        return true;
      }
    }
    return false;
  }

  private static boolean superseded(int index, List<Match> matches) {
    Match match = matches.get(index);
    String id = match.rule().id();
    for (int i = 0; i < matches.size(); i++) {
      Match other = matches.get(i);
      if (i != index && other.rule().supersedes().contains(id) && overlap(other, match)) {
        return true;
      }
    }
    return false;
  }

  private static List<Match> oneGenericPerSpan(List<Match> matches) {
    List<Match> generic = new ArrayList<>();
    List<Match> out = new ArrayList<>(matches.size());
    matches.sort(Comparator.comparingInt(Match::start));
    for (Match match : matches) {
      if (!match.rule().generic()) {
        out.add(match);
      } else if (generic.stream().noneMatch(g -> overlap(g, match))) {
        generic.add(match);
        out.add(match);
      }
    }
    return out;
  }

  private static boolean overlap(Match a, Match b) {
    return a.start() < b.end() && b.start() < a.end();
  }
}

package dev.rekey.scanner.report;

import dev.rekey.scanner.model.RefCatalog;
import dev.rekey.scanner.model.RefNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The refs a report names for a secret: all of them, sorted, up to {@link #LIMIT}; past that, the
 * {@link #LIMIT} a reader most needs, still sorted — {@code HEAD} and branches first, then tags,
 * remote-tracking branches, and the rest (a forge's {@code refs/pull/*}, {@code refs/stash}, …) —
 * with their number beside them. A secret of an old commit of rails is reached from 52k refs, 51k
 * of them pull requests: naming them all made a 1.2 MB finding and a 125 MB report.
 */
final class RefSample {
  /** The most refs a finding names. */
  static final int LIMIT = 100;

  private static final List<String> PREFERRED =
      List.of("refs/heads/", "refs/tags/", "refs/remotes/");

  private RefSample() {}

  /** The refs to name among {@code refs} (iterated in sorted order), sorted. */
  static List<String> of(Collection<String> refs) {
    if (refs.size() <= LIMIT) {
      return List.copyOf(refs);
    }
    if (refs instanceof RefNames names) {
      return of(names);
    }
    List<List<String>> byRank = new ArrayList<>();
    for (int rank = 0; rank <= PREFERRED.size() + 1; rank++) {
      byRank.add(new ArrayList<>());
    }
    for (String ref : refs) {
      List<String> same = byRank.get(rank(ref));
      if (same.size() < LIMIT) {
        same.add(ref);
      }
    }
    List<String> shown = new ArrayList<>(LIMIT);
    for (List<String> same : byRank) {
      shown.addAll(same.subList(0, Math.min(same.size(), LIMIT - shown.size())));
    }
    shown.sort(null);
    return shown;
  }

  /**
   * The same sample from a set of a sorted catalog, where each rank is a few ranges of positions:
   * the first names of each range are taken, not every name of the set ranked (a finding of rails
   * is reached from 52k refs).
   */
  private static List<String> of(RefNames refs) {
    RefCatalog catalog = refs.catalog();
    int refsFrom = catalog.from("refs/");
    int refsTo = catalog.from("refs0"); // '0' follows '/'
    int[] bounds = new int[2 * PREFERRED.size()];
    for (int i = 0; i < PREFERRED.size(); i++) {
      String prefix = PREFERRED.get(i);
      bounds[2 * i] = catalog.from(prefix);
      bounds[2 * i + 1] = catalog.from(prefix.substring(0, prefix.length() - 1) + '0');
    }
    List<String> first = new ArrayList<>(LIMIT); // rank 0: HEAD and the like, and branches
    refs.addFirst(0, refsFrom, LIMIT, first);
    refs.addFirst(bounds[0], bounds[1], LIMIT, first);
    refs.addFirst(refsTo, catalog.size(), LIMIT, first);
    List<String> shown = new ArrayList<>(first);
    for (int i = 1; i < PREFERRED.size() && shown.size() < LIMIT; i++) {
      List<String> same = new ArrayList<>();
      refs.addFirst(bounds[2 * i], bounds[2 * i + 1], LIMIT - shown.size(), same);
      shown.addAll(same);
    }
    List<String> rest = new ArrayList<>(); // between and around the preferred prefixes
    int at = refsFrom;
    for (int bound : sortedStarts(bounds)) {
      int end = bounds[bound + 1];
      refs.addFirst(at, Math.min(bounds[bound], refsTo), LIMIT - shown.size(), rest);
      at = Math.max(at, end);
    }
    refs.addFirst(at, refsTo, LIMIT - shown.size(), rest);
    shown.addAll(rest);
    shown.sort(null);
    return shown;
  }

  /** The indexes (into {@code bounds}) of the preferred ranges' starts, by position. */
  private static List<Integer> sortedStarts(int[] bounds) {
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i < bounds.length; i += 2) {
      starts.add(i);
    }
    starts.sort((a, b) -> Integer.compare(bounds[a], bounds[b]));
    return starts;
  }

  private static int rank(String ref) {
    if (!ref.startsWith("refs/")) {
      return 0; // HEAD
    }
    for (int i = 0; i < PREFERRED.size(); i++) {
      String prefix = PREFERRED.get(i);
      // the letter after "refs/" tells them apart before the whole prefix is compared
      if (ref.length() > 5 && ref.charAt(5) == prefix.charAt(5) && ref.startsWith(prefix)) {
        return i == 0 ? 0 : i + 1;
      }
    }
    return PREFERRED.size() + 1;
  }
}

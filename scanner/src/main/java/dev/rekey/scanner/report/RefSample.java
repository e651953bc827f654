package dev.rekey.scanner.report;

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

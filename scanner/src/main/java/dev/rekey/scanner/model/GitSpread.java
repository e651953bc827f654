package dev.rekey.scanner.model;

import java.util.BitSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How far a secret has spread through a git history: which commits and refs carry it, and whether
 * the default branch still holds it at its tip. What a user needs to decide between rotating the
 * secret and also rewriting history.
 *
 * @param commits the commits whose tree holds the secret, as indexes into the scan's list of
 *     commits (only their number is reported); never modified after construction
 * @param refs the refs (branches, tags, stash entries, HEAD) from which some carrying commit is
 *     reachable, sorted
 * @param defaultBranch the repository's default branch (e.g. {@code main}), or null when it has
 *     none
 * @param atDefaultTip whether the tip of the default branch still holds the secret
 * @param leftDefaultTip when the default branch no longer holds it but once did: the commit that
 *     removed it, found by following first parents back from the tip (the child of the newest
 *     commit holding it); null otherwise
 */
@SuppressWarnings("JdkObsolete") // BitSet is the compact set of commit indexes this needs.
public record GitSpread(
    BitSet commits,
    Set<String> refs,
    @Nullable String defaultBranch,
    boolean atDefaultTip,
    @Nullable CommitInfo leftDefaultTip) {

  public GitSpread {
    commits = (BitSet) commits.clone();
    refs = RefNames.of(refs);
    if (atDefaultTip) {
      leftDefaultTip = null;
    }
  }

  /** The number of commits that carry the secret. */
  public int commitCount() {
    return commits.cardinality();
  }

  /** The spread of a secret carried by the blobs of both. */
  public GitSpread merge(GitSpread other) {
    BitSet union = (BitSet) commits.clone();
    union.or(other.commits);
    RefNames allRefs = RefNames.of(refs).union(RefNames.of(other.refs));
    String branch = defaultBranch != null ? defaultBranch : other.defaultBranch;
    return new GitSpread(
        union,
        allRefs,
        branch,
        atDefaultTip || other.atDefaultTip,
        later(leftDefaultTip, other.leftDefaultTip));
  }

  /** The later removal: the tip held the secret until then through one of its blobs. */
  private static @Nullable CommitInfo later(@Nullable CommitInfo a, @Nullable CommitInfo b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    return b.date().isAfter(a.date()) ? b : a;
  }
}

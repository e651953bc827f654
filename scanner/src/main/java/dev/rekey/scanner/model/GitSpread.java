package dev.rekey.scanner.model;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How far a secret has spread through a git history: which commits and refs carry it, and whether
 * the default branch still holds it at its tip. What a user needs to decide between rotating the
 * secret and also rewriting history.
 *
 * @param commits the commits whose tree holds the secret, as positions in the scan's list of
 *     commits (only their number is reported)
 * @param refs the refs (branches, tags, stash entries, HEAD) from which some carrying commit is
 *     reachable, sorted
 * @param defaultBranch the repository's default branch (e.g. {@code main}), or null when it has
 *     none
 * @param atDefaultTip whether the tip of the default branch still holds the secret
 * @param leftDefaultTip when the default branch no longer holds it but once did: the commit that
 *     removed it, found by following first parents back from the tip (the child of the newest
 *     commit holding it); null otherwise
 */
public record GitSpread(
    CommitSet commits,
    Set<String> refs,
    @Nullable String defaultBranch,
    boolean atDefaultTip,
    @Nullable CommitInfo leftDefaultTip) {

  public GitSpread {
    refs = RefNames.of(refs);
    if (atDefaultTip) {
      leftDefaultTip = null;
    }
  }

  /** A spread whose commits are the positions set in {@code commits}. */
  @SuppressWarnings("JdkObsolete") // BitSet: how sets of positions are built outside a scan
  public GitSpread(
      BitSet commits,
      Set<String> refs,
      @Nullable String defaultBranch,
      boolean atDefaultTip,
      @Nullable CommitInfo leftDefaultTip) {
    this(CommitSet.of(commits), refs, defaultBranch, atDefaultTip, leftDefaultTip);
  }

  /** The number of commits that carry the secret. */
  public int commitCount() {
    return commits.size();
  }

  /** The spread of a secret carried by the blobs of both. */
  @SuppressWarnings("ReferenceEquality") // the same spread, met once per match of its blob
  public GitSpread merge(GitSpread other) {
    if (other == this) {
      return this;
    }
    CommitSet union = commits.union(other.commits);
    RefNames allRefs = RefNames.of(refs).union(RefNames.of(other.refs));
    String branch = defaultBranch != null ? defaultBranch : other.defaultBranch;
    return new GitSpread(
        union,
        allRefs,
        branch,
        atDefaultTip || other.atDefaultTip,
        later(leftDefaultTip, other.leftDefaultTip));
  }

  /**
   * The spread of a secret carried by the blobs of all {@code spreads}, as {@link #merge} one after
   * the other would give it: the commits of all at once ({@link CommitSet#unionAll}: each run of
   * commits is touched once, not once per merge, for a secret in 500 blobs of a 200k-commit
   * history), the refs of all at once (a set of 52k refs is 800 words), the first default branch,
   * and the latest removal from it (the first of equally late ones) unless one still holds it.
   */
  public static @Nullable GitSpread mergeAll(List<GitSpread> spreads) {
    if (spreads.size() <= 1) {
      return spreads.isEmpty() ? null : spreads.get(0);
    }
    List<RefNames> refs = new ArrayList<>(spreads.size());
    List<CommitSet> commits = new ArrayList<>(spreads.size());
    String branch = null;
    boolean atTip = false;
    CommitInfo left = null;
    for (GitSpread spread : spreads) {
      refs.add(RefNames.of(spread.refs));
      commits.add(spread.commits);
      branch = branch != null ? branch : spread.defaultBranch;
      atTip |= spread.atDefaultTip;
      left = later(left, spread.leftDefaultTip);
    }
    return new GitSpread(CommitSet.unionAll(commits), RefNames.unionAll(refs), branch, atTip, left);
  }

  /** The later removal: the tip held the secret until then through one of its blobs. */
  private static @Nullable CommitInfo later(@Nullable CommitInfo a, @Nullable CommitInfo b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    return b.date().isAfter(a.date()) ? b : a;
  }
}

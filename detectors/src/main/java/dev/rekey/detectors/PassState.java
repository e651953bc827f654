package dev.rekey.detectors;

import java.util.Arrays;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;

/**
 * The per-rule state of an {@link EnginePass}, kept by a thread between passes: a history scan runs
 * a pass over each of hundreds of thousands of blobs, most of which wake a handful of rules, and
 * arrays sized by the number of rules, allocated and zeroed per pass, were a tenth of what a scan
 * allocated. A pass marks each rule it gives work to ({@link #touch}); {@link #release} resets just
 * those. One state per thread and depth; a pass that finds its state in use (not the case today:
 * passes at one depth on one thread run one after the other) gets one of its own.
 */
final class PassState {
  /** Span lists larger than this are not kept for the next pass (a blob with many hits). */
  private static final int KEPT_SPANS = 1 << 12;

  final long[] used;
  final long[] spent;
  final WindowSet windows;
  final WindowSet starts;

  /** By rule, a matcher for its pattern, and the pass it was last reset for. */
  private final @Nullable Matcher[] matchers;

  private final @Nullable Object[] matcherOwners;
  private final boolean[] marked;
  private int[] touched = new int[16];
  private int count;
  private boolean busy;

  PassState(int rules) {
    used = new long[rules];
    spent = new long[rules];
    windows = new WindowSet(rules, true);
    starts = new WindowSet(rules, false);
    matchers = new Matcher[rules];
    matcherOwners = new Object[rules];
    marked = new boolean[rules];
  }

  /** Takes this state for a pass, or returns null when another pass holds it. */
  @Nullable PassState acquire() {
    if (busy) {
      return null;
    }
    busy = true;
    return this;
  }

  /** Notes that the pass gives rule {@code r} work: its state is reset on release. */
  void touch(int r) {
    if (!marked[r]) {
      marked[r] = true;
      if (count == touched.length) {
        touched = Arrays.copyOf(touched, count * 2);
      }
      touched[count++] = r;
    }
  }

  /** The rules touched so far, in ascending order. */
  int[] touchedInOrder() {
    int[] rules = Arrays.copyOf(touched, count);
    Arrays.sort(rules);
    return rules;
  }

  /** The matcher of rule {@code r} for {@code pass}: made once per thread, reset for each pass. */
  Matcher matcher(Object pass, int r, Rule rule, CharSequence text) {
    Matcher matcher = matchers[r];
    if (matcher == null) {
      matcher = rule.pattern().matcher(text);
      matcher.useTransparentBounds(true);
      matcher.useAnchoringBounds(false);
      matchers[r] = matcher;
    } else if (matcherOwners[r] != pass) {
      matcher.reset(text);
    }
    matcherOwners[r] = pass;
    return matcher;
  }

  /** Resets what the pass touched and frees the state for the next one. */
  void release() {
    for (int i = 0; i < count; i++) {
      int r = touched[i];
      marked[r] = false;
      used[r] = 0;
      spent[r] = 0;
      windows.clear(r, KEPT_SPANS);
      starts.clear(r, KEPT_SPANS);
      Matcher matcher = matchers[r];
      if (matcher != null && matcherOwners[r] != null) {
        matcher.reset(""); // holds no reference to the content it read
        matcherOwners[r] = null;
      }
    }
    count = 0;
    busy = false;
  }
}

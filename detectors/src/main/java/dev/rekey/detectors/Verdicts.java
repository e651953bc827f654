package dev.rekey.detectors;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * What an anchored rule's pattern and check decided at a keyword hit, remembered by the bytes they
 * read, for the next time the same bytes come by. A history holds thousands of versions of each
 * file, nearly all of whose lines are those of the last: a rule's pattern and check at the same
 * line read the same bytes and come to the same result, which is then looked up instead of worked
 * out again.
 *
 * <p>Exact, not a guess: an outcome keeps every byte its pattern and its check read (both read
 * through a {@link ReadSpan}, the matcher behind its {@link StepBudget}, which notes the span
 * read), and is reused only where those bytes are equal at the same offsets from the keyword and
 * the window the pattern was given is the same. Both are pure functions of what they read and of
 * where the content starts and ends, which they only ever compare with offsets within {@link
 * #SLACK} bytes of those they read (a lookbehind's reach, a name's longest, a loop's next step): so
 * an outcome is also reused only where the content's start (and end) lies at the same offset from
 * the keyword as it did, or, as it did, more than that far from the bytes read. Then they would
 * decide the same again. The steps the pattern took are charged again too, so a rule's step budget
 * runs out where it would have.
 *
 * <p>A rule may be remembered only if its pattern and check keep to this: every read through the
 * text they are given, no lookbehind or look-around reaching further than {@link #SLACK} past what
 * it reads. The built-in anchored rules with checks do (see {@link Engine#remembered}).
 *
 * <p>Shared by the threads of a scan: a fixed table of immutable outcomes, written without locks
 * (an outcome's fields are final, so a thread sees it whole or not at all; a lost write costs a
 * recomputation, nothing else).
 */
final class Verdicts {
  /**
   * How far from the bytes it reads a pattern or check may compare an offset with the content's
   * bounds: beyond the longest lookbehind of a remembered rule's pattern and the 80 bytes a name is
   * looked for before a value.
   */
  static final int SLACK = 128;

  /** An outcome is kept only if it read within this many bytes of the keyword. */
  private static final int READ_LIMIT = 512;

  /** Outcomes that read more bytes than this are not kept: they cost memory and rarely recur. */
  private static final int KEPT_BYTES = 640;

  /** Bytes around the keyword's start that choose an outcome's slot. */
  private static final int PROBE_BEFORE = 8;

  private static final int PROBE_AFTER = 40;

  /** An outcome's {@code start} or {@code tail} when the content's bound was beyond the slack. */
  private static final int FAR = -1;

  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final Outcome[] slots;
  private final int mask;

  /** A table of {@code 1 << bits} outcomes. */
  Verdicts(int bits) {
    slots = new Outcome[1 << bits];
    mask = (1 << bits) - 2; // slots go in pairs
  }

  /**
   * A rule's pattern and check at one place: whether the pattern matched, where its secret lies
   * (relative to the keyword's start), the check's acceptance (null when it rejected, or the
   * pattern did not match), the steps the pattern took, and the bytes read.
   */
  static final class Outcome {
    final int hash;
    final int rule;
    final int window;
    final int low;
    final byte[] read;
    final int from;
    final int tail;
    final long steps;
    final boolean matched;
    final int start;
    final int end;
    final Verdict.@Nullable Accept accept;

    private Outcome(
        int hash,
        int rule,
        int window,
        int low,
        byte[] read,
        int from,
        int tail,
        long steps,
        boolean matched,
        int start,
        int end,
        Verdict.@Nullable Accept accept) {
      this.hash = hash;
      this.rule = rule;
      this.window = window;
      this.low = low;
      this.read = read;
      this.from = from;
      this.tail = tail;
      this.steps = steps;
      this.matched = matched;
      this.start = start;
      this.end = end;
      this.accept = accept;
    }

    /** Whether this outcome holds for rule {@code rule} tried at {@code data[from, to)}. */
    boolean fits(int hash, int rule, byte[] data, int from, int to) {
      int first = from + low;
      int last = first + read.length;
      return this.hash == hash
          && this.rule == rule
          && (window == FAR ? last + SLACK < to : window == to - from)
          && (this.from == FAR ? first - SLACK > 0 : this.from == from)
          && (tail == FAR ? last + SLACK < data.length : tail == data.length - from)
          && Arrays.equals(data, first, last, read, 0, read.length);
    }
  }

  /** The slot hash of rule {@code rule} tried at {@code data[from, ...)}. */
  static int hash(int rule, byte[] data, int from) {
    long h = rule * 0x9E3779B97F4A7C15L;
    int lo = from - PROBE_BEFORE;
    int hi = from + PROBE_AFTER;
    if (lo >= 0 && hi <= data.length) {
      for (int i = lo; i < hi; i += Long.BYTES) {
        h = (h ^ (long) LONG.get(data, i)) * 0x9E3779B97F4A7C15L;
      }
    } else {
      for (int i = Math.max(0, lo); i < Math.min(data.length, hi); i++) {
        h = (h ^ data[i]) * 0x9E3779B97F4A7C15L;
      }
    }
    return (int) (h ^ (h >>> 32));
  }

  /** The outcome kept for rule {@code rule} at {@code data[from, to)} ({@code hash}), or null. */
  @Nullable Outcome find(int hash, int rule, byte[] data, int from, int to) {
    int slot = hash & mask;
    Outcome first = slots[slot];
    if (first != null && first.fits(hash, rule, data, from, to)) {
      return first;
    }
    Outcome second = slots[slot + 1];
    if (second != null && second.fits(hash, rule, data, from, to)) {
      return second;
    }
    return null;
  }

  /**
   * Keeps the outcome of rule {@code rule} at {@code data[from, to)} ({@code hash}), whose pattern
   * and check read {@code data[low, high)} and took {@code steps}, unless they read too far or too
   * much.
   *
   * @param start where the secret starts (meaningful when {@code matched})
   * @param accept the check's acceptance, or null
   */
  void keep(
      int hash,
      int rule,
      byte[] data,
      int from,
      int to,
      int low,
      int high,
      long steps,
      boolean matched,
      int start,
      int end,
      Verdict.@Nullable Accept accept) {
    if (low > high) {
      low = high = from; // read nothing at all
    }
    if (from - low > READ_LIMIT || high - from > READ_LIMIT || high - low > KEPT_BYTES) {
      return;
    }

    Outcome outcome =
        new Outcome(
            hash,
            rule,
            high + SLACK < to ? FAR : to - from,
            low - from,
            Arrays.copyOfRange(data, low, high),
            low - SLACK > 0 ? FAR : from,
            high + SLACK < data.length ? FAR : data.length - from,
            steps,
            matched,
            start - from,
            end - from,
            accept);
    int slot = hash & mask;
    Outcome first = slots[slot];
    if (first != null) {
      slots[slot + 1] = first; // the older one moves aside; the one aside before is forgotten
    }
    slots[slot] = outcome;
  }
}

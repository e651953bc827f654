package dev.rekey.detectors;

import dev.rekey.detectors.decode.Decoded;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;

/** One engine pass over one piece of content: the per-call state of {@link Engine#scan}. */
final class EnginePass {
  /** Secrets longer than this are judged by their rule's check alone, not the placeholder list. */
  private static final int PLACEHOLDER_CHECK_LIMIT = 256;

  /**
   * Bytes of windows one rule may search per byte of content (plus a base), so crafted input (a
   * keyword repeated thousands of times before a long window) costs linear time, not quadratic.
   * Ordinary content uses a tiny fraction of it.
   */
  private static final long BUDGET_PER_BYTE = 128;

  private static final long BUDGET_BASE = 1 << 20;

  /**
   * Characters one rule's pattern may read per byte of content (plus a base) before it gives up on
   * that content: above the most any built-in rule reads on crafted input (AdversarialInputTest),
   * far below what a catastrophically backtracking pattern reads.
   */
  private static final long STEPS_PER_BYTE = 1024;

  private static final long STEPS_BASE = 1 << 22;

  private final Engine engine;
  private final byte[] data;
  private final ByteText text;
  private final StepBudget counted;

  /** Steps each rule may take on this content, and those each has taken. */
  private final long stepLimit;

  private final long[] used;
  private final int depth;
  private final PassState state;
  private final WindowSet windows;
  private final WindowSet starts;
  private final List<Match> matches = new ArrayList<>();
  private final List<int[]> claims = new ArrayList<>();
  private @Nullable DecodedPass decoded;
  private final ReadSpan seen;
  private final long[] spent;
  private final long budget;
  private final @Nullable KeywordHits given;

  EnginePass(Engine engine, ByteText text, int depth) {
    this(engine, text, depth, null);
  }

  /**
   * @param given where the keywords occur, when the caller knows (else the keyword pass finds them)
   */
  EnginePass(Engine engine, ByteText text, int depth, @Nullable KeywordHits given) {
    this.given = given;
    this.engine = engine;
    this.data = text.bytes();
    this.text = text;
    this.seen = new ReadSpan(text);
    this.counted = new StepBudget(seen);
    this.depth = depth;
    this.state = engine.passState(depth);
    this.spent = state.spent;
    this.stepLimit = STEPS_PER_BYTE * data.length + STEPS_BASE;
    this.used = state.used;
    this.budget = BUDGET_PER_BYTE * data.length + BUDGET_BASE;
    this.windows = state.windows;
    this.starts = state.starts;
  }

  /**
   * Every match in the content. The pass's per-rule state goes back to the thread's {@link
   * PassState} before the decoded views are scanned (by passes one level deeper).
   */
  List<Match> run() {
    try {
      KeywordHits hits = given;
      if (hits == null) {
        engine.automaton.scan(data, 0, data.length, this::hit);
      } else {
        for (int i = 0; i < hits.count(); i++) {
          hit(hits.keyword(i), hits.end(i));
        }
      }
      for (int r : state.touchedInOrder()) {
        int[] spans = windows.spans(r);
        for (int i = 0; i < windows.count(r); i += 2) {
          searchWindow(r, spans[i], spans[i + 1]);
        }
        int[] at = starts.spans(r);
        for (int i = 0; i < starts.count(r); i += 2) {
          tryAt(r, at[i], at[i + 1]);
        }
      }
    } finally {
      state.release();
    }
    List<Match> found = Overlaps.resolve(matches, claims);
    DecodedPass decodings = decoded;
    if (decodings != null) {
      found = Overlaps.withDecoded(found, decodings.finish());
    }
    return found;
  }

  /** The matches of file-named rules {@code named}, each searched in the whole content. */
  List<Match> whole(int[] named) {
    try {
      for (int r : named) {
        state.touch(r);
        searchWindow(r, 0, data.length);
      }
    } finally {
      state.release();
    }
    return Overlaps.resolve(matches, claims);
  }

  private void hit(int keyword, int end) {
    int start = end - engine.automaton.length(keyword);
    for (int r : engine.rulesByKeyword[keyword]) {
      Rule rule = engine.rules.get(r);
      int limit = Math.min(data.length, end + rule.after());
      state.touch(r);
      if (rule.anchored()) {
        starts.add(r, start, limit);
      } else {
        windows.add(r, Math.max(0, start - rule.before()), limit);
      }
    }
    int[] decoders = engine.decodersByKeyword[keyword];
    if (decoders.length > 0 && depth < Engine.MAX_DEPTH) {
      DecodedPass decodings = decoded;
      if (decodings == null) {
        decodings = decoded = new DecodedPass(engine, data, depth);
      }
      for (int d : decoders) {
        decodings.offer(d, start, end);
      }
    }
  }

  private Matcher matcher(int r) {
    return state.matcher(this, r, engine.rules.get(r), counted);
  }

  private long left(int r) {
    return stepLimit - used[r];
  }

  /** Charges rule {@code r} the steps its pattern just took. */
  private void charge(int r) {
    used[r] = Math.max(used[r], stepLimit - counted.left());
  }

  private boolean afford(int r, int from, int to) {
    spent[r] += to - from;
    return spent[r] <= budget && used[r] < stepLimit;
  }

  private void searchWindow(int r, int from, int to) {
    if (!afford(r, from, to)) {
      return;
    }
    Matcher matcher = matcher(r);
    matcher.region(from, to);
    int group = engine.secretGroups[r];
    counted.allow(left(r));
    try {
      while (matcher.find()) {
        if (matcher.start(group) >= 0) {
          judge(engine.rules.get(r), matcher.start(group), matcher.end(group));
        }
      }
    } catch (StepBudget.Spent e) {
      giveUp(r);
    } finally {
      charge(r);
    }
  }

  private void tryAt(int r, int from, int to) {
    if (!afford(r, from, to) || !engine.rules.get(r).gate().admits(data, from, to)) {
      return;
    }
    Verdicts verdicts = engine.verdicts;
    if (verdicts != null && depth == 0 && engine.remembered[r]) {
      recall(verdicts, r, from, to);
      return;
    }
    Matcher matcher = matcher(r);
    matcher.region(from, to);
    int group = engine.secretGroups[r];
    counted.allow(left(r));
    try {
      if (matcher.lookingAt() && matcher.start(group) >= 0) {
        judge(engine.rules.get(r), matcher.start(group), matcher.end(group));
      }
    } catch (StepBudget.Spent e) {
      giveUp(r);
    } finally {
      charge(r);
    }
  }

  /**
   * {@link #tryAt} through the outcomes {@code verdicts} remembers: one found for the same bytes is
   * taken as it is (and its steps charged), else the pattern and check run, noting what they read,
   * and their outcome is kept.
   */
  private void recall(Verdicts verdicts, int r, int from, int to) {
    Rule rule = engine.rules.get(r);
    int hash = Verdicts.hash(r, data, from);
    Verdicts.Outcome known = verdicts.find(hash, r, data, from, to);
    if (known != null && known.steps <= left(r)) {
      used[r] += known.steps;
      if (known.matched) {
        settle(rule, from + known.start, from + known.end, known.accept);
      }
      return;
    }
    Matcher matcher = matcher(r);
    matcher.region(from, to);
    int group = engine.secretGroups[r];
    seen.reset();
    long allowed = left(r);
    counted.allow(allowed);
    boolean matched = false;
    int start = -1;
    int end = -1;
    Verdict.Accept accept = null;
    try {
      if (matcher.lookingAt() && matcher.start(group) >= 0) {
        matched = true;
        start = matcher.start(group);
        end = matcher.end(group);
        accept = verdict(rule, seen, start, end);
      }
    } catch (StepBudget.Spent e) {
      giveUp(r);
      return;
    } finally {
      charge(r);
    }
    verdicts.keep(
        hash,
        r,
        data,
        from,
        to,
        seen.low(),
        seen.high(),
        allowed - counted.left(),
        matched,
        start,
        end,
        accept);
    if (matched) {
      settle(rule, start, end, accept);
    }
  }

  /** Rule {@code r} spent its steps on this content: it searches no more of it, and says so. */
  private void giveUp(int r) {
    used[r] = stepLimit;
    engine.exhausted(engine.rules.get(r).id());
  }

  private void judge(Rule rule, int start, int end) {
    settle(rule, start, end, verdict(rule, text, start, end));
  }

  /**
   * What the engine and the rule's check decide about the secret at {@code [start, end)}, read
   * through {@code seen}: its acceptance, or null when it is dropped.
   */
  private Verdict.@Nullable Accept verdict(Rule rule, ByteText seen, int start, int end) {
    String secret = seen.utf8(start, end);
    if (!rule.check().judgesPlaceholders()
        && secret.length() <= PLACEHOLDER_CHECK_LIMIT
        && Placeholders.isPlaceholder(secret)) {
      return null;
    }
    if (rule.minEntropy() > 0 && Entropy.shannon(secret) < rule.minEntropy()) {
      return null;
    }
    return rule.check().judge(new Candidate(rule, secret, seen, start, end, depth > 0))
            instanceof Verdict.Accept accept
        ? accept
        : null;
  }

  /**
   * Records a candidate of {@code rule} at {@code [start, end)}: a provider rule's claim on the
   * span, and, when {@code accept}ed, its match (with its companion, if one is near).
   */
  private void settle(Rule rule, int start, int end, Verdict.@Nullable Accept accept) {
    if (!rule.generic()) {
      claims.add(new int[] {start, end});
    }
    if (accept == null) {
      return;
    }
    String secret = text.utf8(start, end);
    Map<String, String> facts = accept.facts();
    Companion companion = rule.companion();
    Companions.Found partner =
        companion == null ? null : Companions.nearest(companion, text, start, end);
    if (companion != null && partner != null) {
      facts = new HashMap<>(facts);
      facts.put(companion.fact(), partner.value());
    }
    matches.add(
        new Match(
            rule,
            start,
            end,
            SecretValue.of(secret, rule.publicPrefix()),
            accept.severity(),
            facts,
            partner == null ? null : partner.at()));
  }

  /** Maps a match found in a decoded view back to the encoded text it came from. */
  static Match mapped(Match match, Decoded decoded, int prefix) {
    int start = source(match.start(), decoded, prefix);
    int end = decoded.source(Math.min(match.end() - prefix, decoded.bytes().length));
    Map<String, String> facts = new HashMap<>(match.facts());
    String inner = facts.get("encoding");
    facts.put("encoding", inner == null ? decoded.encoding() : decoded.encoding() + "+" + inner);
    Match.Span pair = match.companionAt();
    Match.Span mappedPair =
        pair == null
            ? null
            : new Match.Span(
                source(pair.start(), decoded, prefix),
                source(Math.min(pair.end(), prefix + decoded.bytes().length), decoded, prefix));
    return new Match(match.rule(), start, end, match.secret(), match.severity(), facts, mappedPair);
  }

  /** The offset in the encoded text of offset {@code at} of a decoded view. */
  private static int source(int at, Decoded decoded, int prefix) {
    return at < prefix ? decoded.start() - prefix + at : decoded.source(at - prefix);
  }

  static byte[] concat(byte[] a, int from, int to, byte[] b) {
    byte[] out = Arrays.copyOf(Arrays.copyOfRange(a, from, to), to - from + b.length);
    System.arraycopy(b, 0, out, to - from, b.length);
    return out;
  }
}

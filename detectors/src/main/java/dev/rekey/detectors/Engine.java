package dev.rekey.detectors;

import dev.rekey.detectors.decode.Decoder;
import dev.rekey.detectors.decode.Decoders;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * The matching engine: one pass of a keyword automaton over the bytes selects, for each rule, the
 * places to try its pattern: once at each keyword hit for rules whose secrets start with their
 * keyword, else in a small window around each hit. The cost of the pass does not depend on the
 * number of rules, and a rule's pattern costs nothing where its keywords do not occur. Decoders
 * share the automaton: where one of their keywords occurs, encoded text is decoded and scanned in
 * turn, and what is found in it is reported at the encoded text.
 */
public final class Engine implements Detector {
  /** How many layers of encoding are looked through (e.g. base64 inside a base64 secret). */
  static final int MAX_DEPTH = 2;

  final List<Rule> rules;
  final List<Decoder> decoders;
  final KeywordAutomaton automaton;
  private final KeywordScanner scanner;
  final int[][] rulesByKeyword;
  final int[][] decodersByKeyword;
  final int[] secretGroups;
  private static final int[] NO_RULES = {};

  private final int[] fileRules;

  /** Bits of the size of {@link #verdicts}: 32,768 outcomes, a few MB. */
  private static final int VERDICT_BITS = 15;

  /**
   * By rule, whether its outcomes at keyword hits are remembered: anchored rules with a check,
   * whose pattern and check cost more than a look-up.
   */
  final boolean[] remembered;

  /** The outcomes remembered, or null when no rule's are. */
  final @Nullable Verdicts verdicts;

  /** Paths whose file-named rules are known: at most this many. */
  private static final int NAMED_PATHS = 1 << 16;

  private final Map<String, int[]> namedByPath = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> exhausted = new ConcurrentHashMap<>();

  /**
   * By thread, the per-rule state of its passes, one per depth of decoding (see {@link PassState}).
   */
  private final ThreadLocal<PassState[]> passStates =
      ThreadLocal.withInitial(() -> new PassState[MAX_DEPTH + 1]);

  /** An engine applying {@code rules}, looking through every built-in encoding. */
  public Engine(List<Rule> rules) {
    this(rules, Decoders.all());
  }

  /** An engine applying {@code rules}, looking through the encodings of {@code decoders}. */
  public Engine(List<Rule> rules, List<Decoder> decoders) {
    this.rules = List.copyOf(rules);
    this.decoders = List.copyOf(decoders);
    Map<String, List<Integer>> ruleIds = new LinkedHashMap<>();
    Map<String, List<Integer>> decoderIds = new LinkedHashMap<>();
    for (int r = 0; r < this.rules.size(); r++) {
      for (String keyword : this.rules.get(r).keywords()) {
        ruleIds.computeIfAbsent(keyword, k -> new ArrayList<>()).add(r);
        decoderIds.computeIfAbsent(keyword, k -> new ArrayList<>());
      }
    }
    for (int d = 0; d < this.decoders.size(); d++) {
      for (String keyword : this.decoders.get(d).keywords()) {
        ruleIds.computeIfAbsent(keyword, k -> new ArrayList<>());
        decoderIds.computeIfAbsent(keyword, k -> new ArrayList<>()).add(d);
      }
    }
    List<String> keywords = List.copyOf(ruleIds.keySet());
    automaton = new KeywordAutomaton(keywords);
    scanner = new KeywordScanner(automaton, keywords);
    rulesByKeyword =
        keywords.stream()
            .map(k -> distinct(ruleIds.getOrDefault(k, List.of())))
            .toArray(int[][]::new);
    decodersByKeyword =
        keywords.stream()
            .map(k -> distinct(decoderIds.getOrDefault(k, List.of())))
            .toArray(int[][]::new);
    secretGroups = this.rules.stream().mapToInt(Rule::secretGroup).toArray();
    remembered = new boolean[this.rules.size()];
    boolean any = false;
    for (int r = 0; r < remembered.length; r++) {
      Rule rule = this.rules.get(r);
      remembered[r] = rule.anchored() && rule.check() != Check.NONE;
      any |= remembered[r];
    }
    verdicts = any ? new Verdicts(VERDICT_BITS) : null;
    fileRules =
        IntStream.range(0, this.rules.size())
            .filter(r -> this.rules.get(r).file() != null)
            .toArray();
  }

  /** The calling thread's pass state for {@code depth}, or a new one when that is in use. */
  PassState passState(int depth) {
    PassState[] states = passStates.get();
    int slot = Math.min(depth, MAX_DEPTH);
    PassState state = states[slot];
    if (state == null) {
      state = states[slot] = new PassState(rules.size());
    }
    PassState held = state.acquire();
    return held != null ? held : Objects.requireNonNull(new PassState(rules.size()).acquire());
  }

  private static int[] distinct(List<Integer> ids) {
    return ids.stream().mapToInt(Integer::intValue).distinct().toArray();
  }

  @Override
  public List<Rule> rules() {
    return rules;
  }

  /**
   * Every literal whose occurrence (ignoring ASCII case) makes this engine look at the text around
   * it: its rules' keywords and its decoders' triggers. Content holding none of them yields no
   * match, but for the file-named rules of its path.
   */
  @Override
  public Set<String> triggers() {
    Set<String> triggers = new LinkedHashSet<>();
    rules.forEach(rule -> triggers.addAll(rule.keywords()));
    decoders.forEach(decoder -> triggers.addAll(decoder.keywords()));
    return triggers;
  }

  @Override
  public Map<String, Long> exhausted() {
    Map<String, Long> counts = new TreeMap<>();
    exhausted.forEach((id, count) -> counts.put(id, count.sum()));
    return counts;
  }

  /** Notes that rule {@code id} gave up on some content: its pattern took too many steps. */
  void exhausted(String id) {
    exhausted.computeIfAbsent(id, k -> new LongAdder()).increment();
  }

  @Override
  public KeywordScanner keywordScanner() {
    return scanner;
  }

  @Override
  public List<Match> detect(byte[] content) {
    return detect(content, null, null);
  }

  /**
   * {@inheritDoc} The keyword pass is skipped when {@code hits} are given (none at all: no keyword
   * rule can match), but the file-named rules for {@code path} read the whole content whatever its
   * keywords: a {@code .pgpass} or {@code config/master.key} holds none.
   */
  @Override
  public List<Match> detect(byte[] content, @Nullable String path, @Nullable KeywordHits hits) {
    int[] named = path == null ? NO_RULES : namedRules(path);
    boolean keywordFree = hits != null && hits.count() == 0;
    if (content.length == 0 || (keywordFree && named.length == 0)) {
      return List.of();
    }
    ByteText text = new ByteText(content);
    List<Match> matches =
        keywordFree ? new ArrayList<>() : new EnginePass(this, text, 0, hits).run();
    if (named.length > 0) {
      matches.addAll(new EnginePass(this, text, 0).whole(named));
    }
    return finish(content, matches);
  }

  /**
   * The file-named rules that read files at {@code path}. A history holds many versions of each
   * path, and matching every path against every file-name pattern cost more than a look-up: the
   * answers are kept, for a bounded number of paths (all forgotten when that is reached).
   */
  private int[] namedRules(String path) {
    if (fileRules.length == 0) {
      return fileRules;
    }
    int[] known = namedByPath.get(path);
    if (known == null) {
      known =
          Arrays.stream(fileRules)
              .filter(r -> Objects.requireNonNull(rules.get(r).file()).matches(path))
              .toArray();
      if (known.length == 0) {
        known = NO_RULES;
      }
      if (namedByPath.size() >= NAMED_PATHS) {
        namedByPath.clear();
      }
      namedByPath.put(path, known);
    }
    return known;
  }

  private static List<Match> finish(byte[] content, List<Match> matches) {
    matches.removeIf(m -> InlineAllow.allows(content, m.start(), m.end()));
    absorbPairedIdentifiers(matches);
    matches.sort(Comparator.comparingInt(Match::start).thenComparing(m -> m.rule().id()));
    return matches;
  }

  /** Every match in {@code data}, looking through {@code MAX_DEPTH - depth} layers of encoding. */
  List<Match> scan(byte[] data, int depth) {
    return new EnginePass(this, new ByteText(data), depth).run();
  }

  /** Drops standalone identifier matches that a companion already pairs with their secret. */
  private static void absorbPairedIdentifiers(List<Match> matches) {
    Set<String> absorbed = new HashSet<>();
    for (Match match : matches) {
      Companion companion = match.rule().companion();
      String partner = companion == null ? null : match.facts().get(companion.fact());
      if (companion != null && companion.absorbs() != null && partner != null) {
        absorbed.add(companion.absorbs() + "\0" + partner);
      }
    }
    if (!absorbed.isEmpty()) {
      matches.removeIf(m -> absorbed.contains(m.rule().id() + "\0" + m.secret().reveal()));
    }
  }
}

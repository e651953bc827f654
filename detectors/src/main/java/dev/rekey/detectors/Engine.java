package dev.rekey.detectors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The matching engine: one pass of a keyword automaton over the bytes selects, for each rule, the
 * windows around its keyword hits; the rule's regular expression runs only inside those windows.
 * The cost of the pass is independent of the number of rules, and a rule's regular expression costs
 * nothing where its keywords do not occur.
 */
public final class Engine implements Detector {
  /** Secrets longer than this are judged by their rule's check alone, not the placeholder list. */
  private static final int PLACEHOLDER_CHECK_LIMIT = 256;

  private final List<Rule> rules;
  private final KeywordAutomaton automaton;
  private final int[][] rulesByKeyword;
  private final int[] secretGroups;

  /** An engine applying {@code rules}. */
  public Engine(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    Map<String, List<Integer>> byKeyword = new LinkedHashMap<>();
    for (int r = 0; r < this.rules.size(); r++) {
      for (String keyword : this.rules.get(r).keywords()) {
        byKeyword.computeIfAbsent(keyword, k -> new ArrayList<>()).add(r);
      }
    }
    automaton = new KeywordAutomaton(List.copyOf(byKeyword.keySet()));
    rulesByKeyword =
        byKeyword.values().stream()
            .map(ids -> ids.stream().mapToInt(Integer::intValue).distinct().toArray())
            .toArray(int[][]::new);
    secretGroups = this.rules.stream().mapToInt(Rule::secretGroup).toArray();
  }

  @Override
  public List<Rule> rules() {
    return rules;
  }

  @Override
  public List<Match> detect(byte[] content) {
    if (content.length == 0) {
      return List.of();
    }
    Windows windows = new Windows(rules.size());
    automaton.scan(
        content,
        0,
        content.length,
        (keyword, end) -> {
          int start = end - automaton.length(keyword);
          for (int r : rulesByKeyword[keyword]) {
            Rule rule = rules.get(r);
            windows.add(
                r,
                Math.max(0, start - rule.before()),
                Math.min(content.length, end + rule.after()));
          }
        });
    if (windows.isEmpty()) {
      return List.of();
    }
    ByteText text = new ByteText(content);
    List<Match> matches = new ArrayList<>();
    for (int r = 0; r < rules.size(); r++) {
      int[] spans = windows.spans(r);
      for (int i = 0; i < windows.count(r); i += 2) {
        matchWindow(r, text, spans[i], spans[i + 1], matches);
      }
    }
    absorbPairedIdentifiers(matches);
    matches.sort(Comparator.comparingInt(Match::start).thenComparing(m -> m.rule().id()));
    return matches;
  }

  private void matchWindow(int r, ByteText text, int from, int to, List<Match> out) {
    Rule rule = rules.get(r);
    Matcher matcher = rule.pattern().matcher(text);
    matcher.region(from, to);
    matcher.useTransparentBounds(true);
    matcher.useAnchoringBounds(false);
    int group = secretGroups[r];
    while (matcher.find()) {
      int start = matcher.start(group);
      if (start >= 0) {
        judge(rule, text, start, matcher.end(group), out);
      }
    }
  }

  private void judge(Rule rule, ByteText text, int start, int end, List<Match> out) {
    String secret = text.utf8(start, end);
    if (secret.length() <= PLACEHOLDER_CHECK_LIMIT && Placeholders.isPlaceholder(secret)) {
      return;
    }
    if (rule.minEntropy() > 0 && Entropy.shannon(secret) < rule.minEntropy()) {
      return;
    }
    if (!(rule.check().judge(new Candidate(rule, secret, text, start, end))
        instanceof Verdict.Accept accept)) {
      return;
    }
    if (InlineAllow.allows(text.bytes(), start, end)) {
      return;
    }
    Map<String, String> facts = accept.facts();
    Companion companion = rule.companion();
    if (companion != null) {
      String partner = Companions.nearest(companion, text, start, end);
      if (partner != null) {
        facts = new HashMap<>(facts);
        facts.put(companion.fact(), partner);
      }
    }
    out.add(
        new Match(
            rule,
            start,
            end,
            SecretValue.of(secret, rule.publicPrefix()),
            accept.severity(),
            facts));
  }

  /**
   * The length of the public marker at the start of {@code secret}, at most {@code limit}: the
   * rule's full prefix when it ends in a separator or has none, else up to the last {@code -} or
   * {@code _} within it. So {@code sk-proj-…} shows {@code sk-proj-} and {@code sk-abc…} shows
   * {@code sk-} under one rule.
   */
  static int marker(String secret, int limit) {
    int end = Math.min(limit, secret.length());
    if (end == 0 || secret.charAt(end - 1) == '-' || secret.charAt(end - 1) == '_') {
      return end;
    }
    for (int i = end - 1; i >= 0; i--) {
      if (secret.charAt(i) == '-' || secret.charAt(i) == '_') {
        return i + 1;
      }
    }
    return end;
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

  /** Per-rule lists of disjoint, ascending {@code [from, to)} spans. */
  private static final class Windows {
    private final int[][] spans;
    private final int[] counts;
    private boolean empty = true;

    Windows(int rules) {
      spans = new int[rules][];
      counts = new int[rules];
    }

    void add(int rule, int from, int to) {
      empty = false;
      int[] list = spans[rule];
      int n = counts[rule];
      if (list == null) {
        list = spans[rule] = new int[8];
      } else if (n > 0 && from <= list[n - 1]) {
        list[n - 1] = Math.max(list[n - 1], to);
        return;
      } else if (n == list.length) {
        list = spans[rule] = Arrays.copyOf(list, n * 2);
      }
      list[n] = from;
      list[n + 1] = to;
      counts[rule] = n + 2;
    }

    boolean isEmpty() {
      return empty;
    }

    int count(int rule) {
      return counts[rule];
    }

    int[] spans(int rule) {
      int[] list = spans[rule];
      return list == null ? new int[0] : list;
    }
  }
}

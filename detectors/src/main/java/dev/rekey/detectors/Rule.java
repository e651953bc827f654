package dev.rekey.detectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A detection rule: what a provider's secret looks like, the keywords that must appear for the
 * pattern to be tried, and the examples that prove it.
 *
 * <p>The engine runs {@link #pattern()} only in a window of {@link #before()} bytes before and
 * {@link #after()} bytes after each keyword hit, so every match must contain one of {@link
 * #keywords()} (case-insensitively) and fit in that window. The secret is the pattern's group named
 * {@code secret}, else its first group, else the whole match.
 *
 * @param id stable id, {@code provider.kind}, e.g. {@code openai.api-key}
 * @param provider who issued the credential: a {@code ProviderCatalog} entry, or a configuration's
 *     own provider
 * @param kind what the credential is, e.g. {@code api-key}, {@code private-key}, {@code password}
 * @param severity default severity of a match; a check may decide otherwise
 * @param description one sentence for reports
 * @param keywords lower-case literals, at least one of which every match contains
 * @param pattern the regular expression
 * @param before bytes before a keyword hit that a match may start at
 * @param after bytes after a keyword hit that a match may end at
 * @param anchored whether every match starts exactly where a keyword starts, so the engine tries
 *     the pattern once at each hit instead of searching a window
 * @param generic whether this rule judges by context and entropy rather than a provider's format; a
 *     generic match overlapping any provider-specific candidate is dropped
 * @param supersedes ids of rules whose matches overlapping a match of this rule are dropped (a more
 *     specific reading of the same text, e.g. a Clerk key that Stripe's pattern also fits)
 * @param check validation beyond the pattern
 * @param minEntropy minimum Shannon entropy in bits per character of the secret, 0 for none
 * @param publicPrefix leading characters of the secret that are a public marker (shown redacted)
 * @param companion an identifier to pair with the secret, or null
 * @param examples texts that must yield a match of this rule
 * @param counterExamples texts that must not
 * @param rotationUrl the provider's own page on rotating or revoking this credential, or null
 * @param dashboard the page where this kind of key is managed, when it is not its provider's {@link
 *     Provider#dashboard()}; null otherwise
 * @param file the files this rule reads, by name, or null for a rule that reads any content: a
 *     file-named rule has no keyword pass, its pattern is searched in every file whose path matches
 *     (a Rails {@code config/master.key} holds nothing but 32 hex digits)
 * @param gate a cheap necessary condition tested at each keyword hit before an anchored rule's
 *     pattern is tried there ({@link Gate#OPEN} for none)
 */
public record Rule(
    String id,
    Provider provider,
    String kind,
    Severity severity,
    String description,
    List<String> keywords,
    Pattern pattern,
    int before,
    int after,
    boolean anchored,
    boolean generic,
    List<String> supersedes,
    Check check,
    double minEntropy,
    int publicPrefix,
    @Nullable Companion companion,
    List<String> examples,
    List<String> counterExamples,
    @Nullable String rotationUrl,
    @Nullable String dashboard,
    @Nullable FileName file,
    Gate gate) {

  public Rule {
    keywords = keywords.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
    examples = List.copyOf(examples);
    counterExamples = List.copyOf(counterExamples);
    supersedes = List.copyOf(supersedes);
    if (keywords.isEmpty() && file == null) {
      throw new IllegalArgumentException("rule " + id + ": needs at least one keyword");
    }
    if (before < 0 || after < 0) {
      throw new IllegalArgumentException("rule " + id + ": window must not be negative");
    }
    if (gate != Gate.OPEN && !anchored) {
      throw new IllegalArgumentException("rule " + id + ": only an anchored rule has a gate");
    }
  }

  /**
   * The files a file-named rule reads.
   *
   * @param pattern matched against the whole path, with {@code /} separators
   * @param example a path that matches, for the rule's examples
   */
  public record FileName(Pattern pattern, String example) {
    /** Whether {@code path} names such a file. */
    public boolean matches(String path) {
      return pattern.matcher(path).matches();
    }
  }

  /** Starts a rule with the given stable id. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** The index of the group holding the secret in {@link #pattern()}. */
  public int secretGroup() {
    if (pattern.namedGroups().containsKey("secret")) {
      return pattern.namedGroups().get("secret");
    }
    return pattern.matcher("").groupCount() >= 1 ? 1 : 0;
  }

  /** Builds a {@link Rule}; every rule needs a provider, kind, severity, keywords and pattern. */
  public static final class Builder {
    private final String id;
    private @Nullable Provider provider;
    private String kind = "secret";
    private @Nullable Severity severity;
    private String description = "";
    private final List<String> keywords = new ArrayList<>();
    private @Nullable Pattern pattern;
    private int before = -1;
    private int after = 256;
    private boolean anchored;
    private boolean generic;
    private final List<String> supersedes = new ArrayList<>();
    private Check check = Check.NONE;
    private double minEntropy;
    private int publicPrefix;
    private @Nullable Companion companion;
    private final List<String> examples = new ArrayList<>();
    private final List<String> counterExamples = new ArrayList<>();
    private @Nullable String rotationUrl;
    private @Nullable String dashboard;
    private @Nullable FileName file;
    private Gate gate = Gate.OPEN;

    private Builder(String id) {
      this.id = id;
    }

    public Builder provider(Provider provider) {
      this.provider = provider;
      return this;
    }

    /** A provider known only by the name a configuration's own rule gives it. */
    public Builder provider(String name) {
      return provider(Provider.custom(name));
    }

    public Builder kind(String kind) {
      this.kind = kind;
      return this;
    }

    public Builder severity(Severity severity) {
      this.severity = severity;
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder keywords(String... keywords) {
      this.keywords.addAll(List.of(keywords));
      return this;
    }

    public Builder pattern(String regex) {
      this.pattern = Pattern.compile(regex);
      return this;
    }

    /** Bytes before and after a keyword hit in which a match must lie. */
    public Builder window(int before, int after) {
      this.before = before;
      this.after = after;
      return this;
    }

    /**
     * Every match starts with one of the keywords (a token prefix such as {@code ghp_}) and ends
     * within {@code after} bytes of it: the engine tries the pattern once at each keyword hit.
     */
    public Builder prefixed(int after) {
      this.before = 0;
      this.after = after;
      this.anchored = true;
      return this;
    }

    /** Marks the rule as generic: judged by context and entropy, yielding to provider rules. */
    public Builder generic() {
      this.generic = true;
      return this;
    }

    /** Matches of these rules that overlap a match of this rule are dropped. */
    public Builder supersedes(String... ruleIds) {
      this.supersedes.addAll(List.of(ruleIds));
      return this;
    }

    public Builder check(Check check) {
      this.check = check;
      return this;
    }

    public Builder minEntropy(double bitsPerChar) {
      this.minEntropy = bitsPerChar;
      return this;
    }

    /** The secret starts with a public marker of this many characters, e.g. 8 for sk-proj-. */
    public Builder publicPrefix(int chars) {
      this.publicPrefix = chars;
      return this;
    }

    public Builder companion(Companion companion) {
      this.companion = companion;
      return this;
    }

    public Builder examples(String... examples) {
      this.examples.addAll(List.of(examples));
      return this;
    }

    public Builder counterExamples(String... counterExamples) {
      this.counterExamples.addAll(List.of(counterExamples));
      return this;
    }

    public Builder rotation(String url) {
      this.rotationUrl = url;
      return this;
    }

    /** The page where this kind of key is managed, when it is not the provider's usual page. */
    public Builder dashboard(String url) {
      this.dashboard = url;
      return this;
    }

    /**
     * Makes this a file-named rule: it reads files whose whole path matches {@code regex}, and its
     * examples are read as the content of a file at {@code example}.
     */
    public Builder fileName(String regex, String example) {
      this.file = new FileName(Pattern.compile(regex), example);
      return this;
    }

    /**
     * A necessary condition of a match at a keyword hit, tested before the pattern (see {@link
     * Gate}); only for a {@link #prefixed} rule.
     */
    public Builder gate(Gate gate) {
      this.gate = gate;
      return this;
    }

    public Rule build() {
      Provider issuer = Objects.requireNonNull(provider, () -> "rule " + id + ": provider missing");
      Severity sev = Objects.requireNonNull(severity, () -> "rule " + id + ": severity missing");
      Pattern regex = Objects.requireNonNull(pattern, () -> "rule " + id + ": pattern missing");
      int longestKeyword = keywords.stream().mapToInt(String::length).max().orElse(0);
      int start = before >= 0 ? before : longestKeyword;
      return new Rule(
          id,
          issuer,
          kind,
          sev,
          description,
          keywords,
          regex,
          start,
          after,
          anchored,
          generic,
          supersedes,
          check,
          minEntropy,
          publicPrefix,
          companion,
          examples,
          counterExamples,
          rotationUrl,
          dashboard,
          file,
          gate);
    }
  }
}

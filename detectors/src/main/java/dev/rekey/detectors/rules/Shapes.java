package dev.rekey.detectors.rules;

import dev.rekey.detectors.Provider;
import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;

/** Regular-expression fragments and rule skeletons shared by the rule files. */
final class Shapes {
  /** Not preceded by a token character. */
  static final String START = "(?<![A-Za-z0-9_-])";

  /** Not followed by a token character. */
  static final String END = "(?![A-Za-z0-9_-])";

  /** The rest of a name, an assignment operator and an optional opening quote. */
  static final String ASSIGN = "[A-Za-z0-9_.-]{0,40}?[\"'\\]]?\\s*(?::=|=>|=|:|,)\\s*[\"'`]?";

  /** A JSON Web Token: header, payload and signature. */
  static final String JWT =
      "eyJ[A-Za-z0-9_-]{10,500}\\.eyJ[A-Za-z0-9_-]{10,1500}\\.[A-Za-z0-9_-]{16,900}";

  /** A canonical UUID, either case. */
  static final String UUID =
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

  private Shapes() {}

  /** A rule skeleton with its provider, kind, severity and description set. */
  static Rule.Builder rule(
      String id, Provider provider, String kind, Severity severity, String description) {
    return Rule.builder(id)
        .provider(provider)
        .kind(kind)
        .severity(severity)
        .description(description);
  }

  /**
   * {@code rule} as a token with a distinctive prefix: {@code prefix} is the keyword and the
   * pattern is the prefix followed by {@code body}, bounded on both sides, at most {@code
   * maxLength} long after it.
   */
  static Rule.Builder prefixed(Rule.Builder rule, String prefix, String body, int maxLength) {
    return rule.keywords(prefix.toLowerCase(java.util.Locale.ROOT))
        .pattern(START + "(" + java.util.regex.Pattern.quote(prefix) + body + ")" + END)
        .prefixed(maxLength + 8)
        .publicPrefix(prefix.length());
  }

  /**
   * {@code rule} as a credential without a distinctive format, found by a name that mentions its
   * provider ({@code name}, lower-case, the keyword) and a key word ({@code key}, {@code token},
   * {@code secret}) assigned a value of the shape {@code value}.
   */
  static Rule.Builder named(Rule.Builder rule, String name, String value) {
    return rule.keywords(name)
        .pattern(
            "(?i:"
                + name
                + ")[A-Za-z0-9_.-]{0,24}?(?i:key|token|secret|pat)"
                + ASSIGN
                + "(?<secret>"
                + value
                + ")"
                + END)
        .prefixed(180)
        .minEntropy(3.0);
  }
}

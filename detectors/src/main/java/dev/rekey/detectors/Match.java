package dev.rekey.detectors;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One occurrence of a secret in scanned content.
 *
 * @param rule the rule that found it
 * @param start byte offset of the secret's first byte in the scanned content
 * @param end byte offset just past the secret
 * @param secret the secret itself
 * @param severity the severity decided for this occurrence (a check may lower or raise the rule's)
 * @param facts non-secret facts established while validating, e.g. {@code jwt.role} or an access
 *     key id
 * @param companionAt where the identifier paired with the secret ({@link Rule#companion()}, such as
 *     the AWS access key id beside a secret access key) was found, or null: the pair is one
 *     credential and both places are its locations
 */
public record Match(
    Rule rule,
    int start,
    int end,
    SecretValue secret,
    Severity severity,
    Map<String, String> facts,
    @Nullable Span companionAt) {

  /** A span {@code [start, end)} of the scanned content. */
  public record Span(int start, int end) {}

  public Match {
    facts = Map.copyOf(facts);
  }

  /** A match without a companion. */
  public Match(
      Rule rule,
      int start,
      int end,
      SecretValue secret,
      Severity severity,
      Map<String, String> facts) {
    this(rule, start, end, secret, severity, facts, null);
  }

  /** This match at {@code severity} (a configuration's override). */
  public Match withSeverity(Severity severity) {
    return new Match(rule, start, end, secret, severity, facts, companionAt);
  }

  /** The stable fingerprint of this secret under this rule. */
  public String fingerprint() {
    return secret.fingerprint(rule.id());
  }
}

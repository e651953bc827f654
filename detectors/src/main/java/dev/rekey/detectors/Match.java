package dev.rekey.detectors;

import java.util.Map;

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
 */
public record Match(
    Rule rule,
    int start,
    int end,
    SecretValue secret,
    Severity severity,
    Map<String, String> facts) {

  public Match {
    facts = Map.copyOf(facts);
  }

  /** The stable fingerprint of this secret under this rule. */
  public String fingerprint() {
    return secret.fingerprint(rule.id());
  }
}

package dev.rekey.rotators;

import dev.rekey.detectors.Provider;
import dev.rekey.detectors.Rule;
import dev.rekey.detectors.SecretValue;
import dev.rekey.detectors.rules.RuleCatalog;
import dev.rekey.scanner.model.CommitInfo;
import dev.rekey.scanner.model.Finding;
import dev.rekey.scanner.model.Location;
import dev.rekey.scanner.model.Provenance;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A leaked credential to rotate: what it is, where it leaked, and — when known — its value.
 *
 * <p>The value is absent when the credential comes from a redacted report; rotators that need it (a
 * database password without an admin connection) then skip it with a reason, while rotators that
 * work from non-secret facts (an IAM key id, a guided rotation) proceed.
 *
 * @param ruleId the rule that found it, e.g. {@code aws.access-key}
 * @param provider who issued it, e.g. {@code AWS}
 * @param kind what it is, e.g. {@code secret-access-key}
 * @param fingerprint the finding's fingerprint: hex SHA-256 of rule id and secret
 * @param secret the leaked value, or null when only a redacted report was given
 * @param facts non-secret facts, e.g. {@code aws.access_key_id} or {@code db.host}
 * @param leakedAt where it leaked, human-readable, primary location first
 * @param rotationUrl the provider's own page on rotating it, or null
 */
public record Credential(
    String ruleId,
    String provider,
    String kind,
    String fingerprint,
    @Nullable SecretValue secret,
    Map<String, String> facts,
    List<String> leakedAt,
    @Nullable String rotationUrl) {

  public Credential {
    facts = Map.copyOf(facts);
    leakedAt = List.copyOf(leakedAt);
  }

  /** The credential a scan finding describes, value included. */
  public static Credential of(Finding finding) {
    Rule rule = finding.rule();
    return new Credential(
        rule.id(),
        rule.provider().name(),
        rule.kind(),
        finding.fingerprint(),
        finding.secret(),
        finding.facts(),
        finding.locations().stream().map(Credential::describe).toList(),
        rule.rotationUrl());
  }

  /**
   * The same kind of credential with another value (a new key, to check it): the fingerprint is the
   * new value's, and {@code facts} replace those of the same name.
   */
  public Credential withSecret(SecretValue value, Map<String, String> facts) {
    Map<String, String> merged = new java.util.LinkedHashMap<>(this.facts);
    merged.putAll(facts);
    return new Credential(
        ruleId, provider, kind, value.fingerprint(ruleId), value, merged, leakedAt, rotationUrl);
  }

  /**
   * The name an application reads the value by, in a store, e.g. {@code OPENAI_API_KEY} or {@code
   * STRIPE_SECRET_KEY}: the provider and the kind.
   */
  public String entryName() {
    String name = provider + "_" + kind;
    return name.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
  }

  /** The built-in rule that found it, when rekey still has that rule. */
  public Optional<Rule> rule() {
    return RuleCatalog.byId(ruleId);
  }

  /** Whether a built-in rule of {@code provider} found it. */
  public boolean issuedBy(Provider provider) {
    return rule().map(r -> r.provider().equals(provider)).orElse(false);
  }

  /** The first 12 hex digits of the fingerprint: enough to name it in messages. */
  public String shortFingerprint() {
    return fingerprint.substring(0, Math.min(12, fingerprint.length()));
  }

  /** A non-secret fact, or null. */
  public @Nullable String fact(String name) {
    return facts.get(name);
  }

  /** The redacted form of the value, or {@code (redacted)} when the value is unknown. */
  public String redacted() {
    SecretValue value = secret;
    return value == null ? "(value not in report)" : value.redacted();
  }

  static String describe(Location location) {
    Provenance provenance = location.provenance();
    String where = provenance.path() == null ? "commit message" : provenance.path();
    String at = where + ":" + location.line();
    CommitInfo commit = provenance.commit();
    if (commit != null) {
      at += " in commit " + commit.id().substring(0, Math.min(12, commit.id().length()));
    }
    return at + " (" + provenance.kind().label() + ")";
  }
}

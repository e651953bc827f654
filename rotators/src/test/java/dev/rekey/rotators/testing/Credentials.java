package dev.rekey.rotators.testing;

import dev.rekey.detectors.SecretValue;
import dev.rekey.rotators.Credential;
import java.util.List;
import java.util.Map;

/** Credentials as a scan would find them, for tests. */
public final class Credentials {
  private Credentials() {}

  public static Credential of(String rule, String value) {
    return of(rule, value, Map.of());
  }

  public static Credential of(String rule, String value, Map<String, String> facts) {
    String provider = rule.substring(0, rule.indexOf('.'));
    SecretValue secret = SecretValue.of(value);
    return new Credential(
        rule,
        provider,
        rule.substring(rule.indexOf('.') + 1),
        secret.fingerprint(rule),
        secret,
        facts,
        List.of(".env:1 (worktree)"),
        "https://example.com/" + provider + "/keys");
  }
}

package dev.rekey.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretValueTest {
  private static final String KEY = "sk-proj-AbcdefghijklmnopqrstuvwxyzABCDEFG9xQ";

  @Test
  void redactsToPrefixTwoCharactersAndSuffix() {
    assertThat(SecretValue.of(KEY, 8).redacted()).isEqualTo("sk-proj-Ab…9xQ");
  }

  @Test
  void shortSecretsShowAlmostNothing() {
    assertThat(SecretValue.of("hunter2hunter2").redacted()).isEqualTo("hu…");
    assertThat(SecretValue.of("hunter2").redacted()).isEqualTo("…");
  }

  @Test
  void toStringNeverContainsTheSecret() {
    SecretValue secret = SecretValue.of(KEY, 8);
    assertThat(secret.toString())
        .doesNotContain(KEY.substring(10, 30))
        .contains("length=" + KEY.length());
  }

  @Test
  void fingerprintIsSha256OfRuleIdColonSecret() {
    assertThat(SecretValue.of("abc").fingerprint("r.x"))
        .isEqualTo(SecretValue.sha256Hex("r.x:abc"))
        .hasSize(64);
  }
}

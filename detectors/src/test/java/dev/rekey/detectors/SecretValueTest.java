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
  void anArmouredKeyShowsItsKindAndAFewCharactersOfItsBody() {
    String ec =
        """
        -----BEGIN EC PRIVATE KEY-----
        MHcCAQEEIJVydXsIMQ/A6wpgDK9jz3OYx25ruv3maM/OxQqvP0hioAoGCCqGSM49
        AwEHoUQDQgAEfoIt7VbqQnOIQORW/fY8607g3p4SBXL27skiRp991R4Om4JnV5G7
        M5UW2TGuOHbLguC4wK+zac50Wr/Bi7gUdA==
        -----END EC PRIVATE KEY-----""";
    assertThat(SecretValue.of(ec).redacted()).isEqualTo("-----BEGIN EC PRIVATE KEY----- MH…UdA");
    String json =
        "-----BEGIN PRIVATE KEY-----\\nMC4CAQAwBQYDK2VwBCIEIJ+jurQ99vbPZvPKTr4AvcsP2sUmzYJ3zCPXO3KQ6yd6"
            + "\\n-----END PRIVATE KEY-----\\n";
    assertThat(SecretValue.of(json).redacted()).isEqualTo("-----BEGIN PRIVATE KEY----- MC…yd6");
    String legacy =
        "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00FF\n\n"
            + "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFy\n-----END RSA PRIVATE KEY-----";
    assertThat(SecretValue.of(legacy).redacted())
        .isEqualTo("-----BEGIN RSA PRIVATE KEY----- Zm…mFy");
    assertThat(
            SecretValue.of("-----BEGIN PRIVATE KEY-----\nshort\n-----END PRIVATE KEY-----")
                .redacted())
        .isEqualTo("-----BEGIN PRIVATE KEY----- …");
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

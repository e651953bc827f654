package dev.rekey.rotators.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.detectors.SecretValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyHintTest {
  private static final SecretValue KEY =
      SecretValue.of("sk-ant-api03-R2D4fakefakefakefakefakefakefakeigAA");

  @Test
  void matchesHeadAndTailAroundAnyMask() {
    assertThat(KeyHint.matches(KEY, "sk-ant-api03-R2D...igAA")).isTrue();
    assertThat(KeyHint.matches(KEY, "sk-ant-api03-R2D…igAA")).isTrue();
    assertThat(KeyHint.matches(KEY, "sk-ant-api03-R2D****igAA")).isTrue();
    assertThat(KeyHint.matches(KEY, "sk-ant-api03-R2D...igAB")).isFalse();
    assertThat(KeyHint.matches(KEY, "sk-ant-api03-X2D...igAA")).isFalse();
  }

  @Test
  void aHintShowingTooLittleOrNothingIdentifiesNothing() {
    assertThat(KeyHint.matches(KEY, "sk-...AA")).isFalse();
    assertThat(KeyHint.matches(KEY, null)).isFalse();
    assertThat(KeyHint.matches(KEY, "")).isFalse();
  }

  @Test
  void identifiesExactlyOneAndRefusesNoneOrSeveral() throws Exception {
    KeyHint.Listed right = new KeyHint.Listed("key_1", "sk-ant-api03-R2D...igAA");
    KeyHint.Listed other = new KeyHint.Listed("key_2", "sk-ant-api03-Zzz...wxyz");
    KeyHint.Listed twin = new KeyHint.Listed("key_3", "sk-ant-api03-R2...igAA");

    assertThat(KeyHint.identify("keys", KEY, List.of(right, other))).isEqualTo("key_1");
    assertThatThrownBy(() -> KeyHint.identify("keys", KEY, List.of(other)))
        .hasMessageContaining("none of the 1 keys")
        .hasMessageContaining("nothing was revoked");
    assertThatThrownBy(() -> KeyHint.identify("keys", KEY, List.of(right, twin)))
        .hasMessageContaining("key_1, key_3")
        .hasMessageContaining("rekey revokes only a key it identified")
        .hasMessageNotContaining(KEY.reveal());
  }
}

package dev.rekey.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlaceholdersTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx",
        "<your-api-key>",
        "${OPENAI_API_KEY}",
        "{{ secrets.TOKEN }}",
        "changeme",
        "AKIAIOSFODNN7EXAMPLE",
        "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
        "abcdefghijklmnop",
        "0123456789abcdef",
        "abcabcabcabcabcabc",
        "01010101010101010101",
        "process.env.STRIPE_KEY",
        "your_token_here"
      })
  void recognisesPlaceholders(String value) {
    assertThat(Placeholders.isPlaceholder(value)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sk_live_51iwzmNTx3IQj1nRpAJf1mV4f6eqc4XVka8LTLaaICPzKWnO0XKAPfcB16fUGLbApYc5AgmjkVdBm3U5",
        "kaRrgwffxyCBZNbR4x292nSygcb8ebr32VhbMpN8",
        "Vx7#pL2q!Rt9"
      })
  void leavesRealLookingValuesAlone(String value) {
    assertThat(Placeholders.isPlaceholder(value)).isFalse();
  }
}

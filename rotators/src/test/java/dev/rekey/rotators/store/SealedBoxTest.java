package dev.rekey.rotators.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;

class SealedBoxTest {
  private final X25519PrivateKeyParameters recipient =
      new X25519PrivateKeyParameters(new SecureRandom());

  @Test
  void sealsToTheRecipientWithFortyEightBytesOfOverhead() {
    byte[] message = "sk-live-new-key".getBytes(StandardCharsets.UTF_8);
    byte[] box = SealedBox.seal(message, recipient.generatePublicKey().getEncoded());
    assertThat(box).hasSize(message.length + SealedBox.OVERHEAD);
    assertThat(SealedBox.open(box, recipient)).isEqualTo("sk-live-new-key");
  }

  @Test
  void eachSealUsesAFreshEphemeralKey() {
    byte[] pk = recipient.generatePublicKey().getEncoded();
    byte[] message = "same".getBytes(StandardCharsets.UTF_8);
    assertThat(SealedBox.seal(message, pk)).isNotEqualTo(SealedBox.seal(message, pk));
  }

  @Test
  void aTamperedBoxDoesNotOpen() {
    byte[] box =
        SealedBox.seal(
            "value".getBytes(StandardCharsets.UTF_8), recipient.generatePublicKey().getEncoded());
    box[box.length - 1] ^= 1;
    assertThatThrownBy(() -> SealedBox.open(box, recipient))
        .hasMessageContaining("does not authenticate");
  }

  @Test
  void hsalsa20MatchesNaclsCryptoBoxBeforenmVector() {
    // NaCl's tests/core1.c: HSalsa20 of the X25519 shared secret of Alice and Bob's example keys.
    byte[] shared =
        HexFormat.of().parseHex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
    assertThat(HexFormat.of().formatHex(SealedBox.hsalsa20(shared)))
        .isEqualTo("1b27556473e985d462cd51197a9a46c76009549eac6474f206c4ee0844f68389");
  }
}

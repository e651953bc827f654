package dev.rekey.detectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The written-down means of random strings' entropy are what measuring them gives. */
class EntropyMeansTest {

  @Test
  void theTableIsWhatMeasuringGives() {
    SplittableRandom random = new SplittableRandom(42);
    int samples = 48;
    for (Entropy.Alphabet alphabet : Entropy.Alphabet.values()) {
      double[] table = EntropyMeans.of(alphabet);
      assertThat(table).hasSize(EntropyMeans.maxLength() + 1);
      for (int length = 2; length <= EntropyMeans.maxLength(); length++) {
        double sum = 0;
        char[] chars = new char[length];
        String symbols = alphabet.symbols();
        for (int s = 0; s < samples; s++) {
          for (int i = 0; i < length; i++) {
            chars[i] = symbols.charAt(random.nextInt(symbols.length()));
          }
          sum += Entropy.shannon(new String(chars));
        }
        assertThat(table[length])
            .as("%s, length %d", alphabet, length)
            .isCloseTo(sum / samples, within(1e-12));
      }
    }
  }
}

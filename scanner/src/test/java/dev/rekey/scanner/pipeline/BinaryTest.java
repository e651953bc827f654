package dev.rekey.scanner.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Binary content is told as git tells it, whatever the length and wherever the NUL byte. */
class BinaryTest {
  @Test
  void aNulByteInTheFirst8000BytesAndOnlyThereMakesContentBinary() {
    Random random = new Random(8000);
    for (int round = 0; round < 5_000; round++) {
      byte[] content = new byte[random.nextInt(round % 10 == 0 ? 20_000 : 40)];
      for (int i = 0; i < content.length; i++) {
        content[i] = (byte) (1 + random.nextInt(255)); // any byte but NUL, high bit included
      }
      int nul = content.length == 0 || random.nextBoolean() ? -1 : random.nextInt(content.length);
      if (nul >= 0) {
        content[nul] = 0;
      }
      assertThat(Binary.looksBinary(content))
          .as("NUL at %d of %d", nul, content.length)
          .isEqualTo(nul >= 0 && nul < 8000);
    }
  }
}

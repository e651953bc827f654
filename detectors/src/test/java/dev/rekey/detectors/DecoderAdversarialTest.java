package dev.rekey.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.detectors.decode.Decoder;
import dev.rekey.detectors.decode.Decoders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decoders on crafted input (their keywords repeated, long encoded-looking runs): linear work keeps
 * a megabyte well under the bound; anything quadratic would take minutes.
 */
class DecoderAdversarialTest {
  private static final int SIZE = 1 << 20;
  private static final long BOUND_MILLIS = 5_000;

  static Stream<Decoder> decoders() {
    return Decoders.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decoders")
  void decodersStayLinear(Decoder decoder) {
    Engine engine = new Engine(List.of(), List.of(decoder));
    for (String keyword : decoder.keywords()) {
      for (String unit :
          List.of(
              keyword,
              keyword + "QUFB",
              keyword + " \"QUFBQUFBQUFBQUFB\n",
              "\n  " + keyword + "\n    k: QUFBQUFB\n")) {
        byte[] input = unit.repeat(SIZE / unit.length()).getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        engine.detect(input);
        assertThat((System.nanoTime() - start) / 1_000_000)
            .as("%s on %s", decoder.getClass().getSimpleName(), unit.strip())
            .isLessThan(BOUND_MILLIS);
      }
    }
  }
}

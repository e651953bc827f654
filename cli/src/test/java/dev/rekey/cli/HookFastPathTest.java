package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Only plain hook command lines skip picocli; anything else gets full parsing and validation. */
class HookFastPathTest {

  @Test
  void thePlainHookCommandLinesTakeTheFastPath() {
    ScanJob plain = Objects.requireNonNull(HookFastPath.parse(new String[] {"scan", "--staged"}));
    assertThat(plain.baselines().useDefault()).isTrue();
    assertThat(plain.path()).isEqualTo(Path.of("."));

    ScanJob withBaselines =
        Objects.requireNonNull(
            HookFastPath.parse(
                new String[] {
                  "scan", "--staged", "--baseline", "a.json", "--baseline=b", "--no-baseline"
                }));
    assertThat(withBaselines).isNotNull();
    assertThat(withBaselines.baselines().files()).containsExactly(Path.of("a.json"), Path.of("b"));
    assertThat(withBaselines.baselines().useDefault()).isFalse();
  }

  @Test
  void everythingElseGoesThroughPicocli() {
    String[][] others = {
      {"scan"},
      {"scan", "."},
      {"scan", "--staged", "."},
      {"scan", "--staged", "--format", "sarif"},
      {"scan", "--staged", "--baseline"},
      {"scan", "--staged", "--baseline", "--no-baseline"},
      {"scan", "--staged", "--baseline="},
      {"scan", "--staged", "--log-format", "json"},
      {"scan", "--staged", "--help"},
      {"hook", "--staged"},
      {"--staged"},
      {}
    };
    for (String[] args : others) {
      assertThat(HookFastPath.parse(args)).as(String.join(" ", args)).isNull();
    }
  }
}

package dev.rekey.detectors;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.detectors.rules.RuleCatalog;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassStateTest {
  private static final String STRIPE =
      "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";

  /** Contents that wake different rules, encodings and window counts, one after the other. */
  private static final List<String> CONTENTS =
      List.of(
          "# config\nKEY=" + STRIPE + "\n",
          "aws_access_key_id = AKIAXO3DNUGJ7UJEYKVI\n"
              + "aws_secret_access_key = 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\n",
          "nothing to see here\n",
          "data:\n  STRIPE_KEY: "
              + Base64.getEncoder().encodeToString(STRIPE.getBytes(UTF_8))
              + "\n  DB_PASSWORD: "
              + Base64.getEncoder().encodeToString("Vx7#pL2q!Rt9".getBytes(UTF_8))
              + "\n",
          "password = \"Vx7#pL2q!Rt9\"\n".repeat(3000),
          "the token is short\n");

  private static List<String> described(List<Match> matches) {
    List<String> out = new ArrayList<>();
    for (Match m : matches) {
      out.add(m.rule().id() + "@" + m.start() + "-" + m.end() + " " + m.facts());
    }
    return out;
  }

  @Test
  void passesOnOneThreadReuseStateWithoutCarryingAnythingOver() {
    List<List<String>> fresh = new ArrayList<>();
    for (String content : CONTENTS) {
      fresh.add(described(new Engine(RuleCatalog.builtIn()).detect(content.getBytes(UTF_8))));
    }
    assertThat(fresh.get(0)).isNotEmpty();
    assertThat(fresh.get(3)).hasSize(2);

    Engine shared = new Engine(RuleCatalog.builtIn());
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < CONTENTS.size(); i++) {
        int at = round % 2 == 0 ? i : CONTENTS.size() - 1 - i;
        assertThat(described(shared.detect(CONTENTS.get(at).getBytes(UTF_8))))
            .as("content %d, round %d", at, round)
            .isEqualTo(fresh.get(at));
      }
    }
  }

  @Test
  void aStateInUseIsNotHandedOutTwice() {
    Engine engine = new Engine(RuleCatalog.builtIn());
    PassState first = engine.passState(0);
    PassState second = engine.passState(0);
    assertThat(second).isNotSameAs(first);
    first.release();
    assertThat(engine.passState(0)).isSameAs(first);
    assertThat(engine.passState(1)).isNotSameAs(first);
  }

  @Test
  void releaseResetsOnlyWhatWasTouchedAndListsRulesInOrder() {
    PassState state = new PassState(8);
    state.touch(5);
    state.touch(2);
    state.touch(5);
    state.used[5] = 7;
    state.spent[2] = 9;
    state.windows.add(2, 0, 10);
    state.starts.add(5, 3, 4);
    assertThat(state.touchedInOrder()).containsExactly(2, 5);
    state.release();
    assertThat(state.used[5]).isZero();
    assertThat(state.spent[2]).isZero();
    assertThat(state.windows.count(2)).isZero();
    assertThat(state.starts.count(5)).isZero();
    assertThat(state.touchedInOrder()).isEmpty();
    assertThat(state.acquire()).isSameAs(state);
  }
}

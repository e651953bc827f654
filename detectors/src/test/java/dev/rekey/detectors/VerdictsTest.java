package dev.rekey.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.detectors.rules.RuleCatalog;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Remembered outcomes of rules at keyword hits (issue 14): an engine that has seen near-identical
 * content finds exactly what an engine seeing the content first finds.
 */
class VerdictsTest {
  private static final List<Rule> RULES = RuleCatalog.builtIn();

  @Test
  void anEngineThatRemembersFindsWhatAFreshOneFinds() {
    Engine remembering = new Engine(RULES);
    Random random = new Random(14);
    List<String> pieces = new ArrayList<>();
    for (Rule rule : RULES) {
      if (remembering.remembered[RULES.indexOf(rule)]) {
        pieces.addAll(rule.examples());
        pieces.addAll(rule.counterExamples());
      }
    }
    assertThat(pieces).hasSizeGreaterThan(20);
    List<byte[]> contents = new ArrayList<>();
    for (String piece : pieces) {
      for (int variant = 0; variant < 8; variant++) {
        contents.add(variant(piece, random).getBytes(StandardCharsets.UTF_8));
      }
    }
    // Seen twice, in two orders: the second time every place has been seen around other bytes.
    List<byte[]> order = new ArrayList<>(contents);
    Collections.shuffle(order, random);
    order.addAll(contents);
    List<String> remembered = new ArrayList<>();
    for (byte[] content : order) {
      remembered.add(found(remembering, content));
    }
    for (int i = 0; i < order.size(); i++) {
      // A fresh engine's first look at its content cannot have been helped by an earlier one.
      assertThat(remembered.get(i))
          .as("content %d", i)
          .isEqualTo(found(new Engine(RULES), order.get(i)));
    }
  }

  /** {@code piece} near the start or the end of some content, among lines that change. */
  private static String variant(String piece, Random random) {
    String[] around = {
      "",
      "\n",
      "x",
      "  ",
      "# note\n",
      "const a = 1;\n",
      "'",
      "\"",
      " + suffix",
      ".strip()",
      "key: value\n",
      "=".repeat(40),
      "abc ".repeat(60),
      "line\n".repeat(40)
    };
    String before = random.nextInt(3) == 0 ? "" : around[random.nextInt(around.length)];
    String after = random.nextInt(3) == 0 ? "" : around[random.nextInt(around.length)];
    if (random.nextInt(4) == 0) {
      before = "filler ".repeat(random.nextInt(200)) + "\n" + before;
    }
    if (random.nextInt(4) == 0) {
      after = after + "\n" + "tail ".repeat(random.nextInt(200));
    }
    return before + piece + after;
  }

  private static String found(Engine engine, byte[] content) {
    StringBuilder out = new StringBuilder();
    for (Match m : engine.detect(content)) {
      out.append(m.rule().id())
          .append(' ')
          .append(m.start())
          .append(' ')
          .append(m.end())
          .append(' ')
          .append(m.secret().reveal())
          .append(' ')
          .append(m.severity())
          .append(' ')
          .append(new TreeMap<>(m.facts()))
          .append(' ')
          .append(m.companionAt())
          .append('\n');
    }
    return out.toString();
  }
}

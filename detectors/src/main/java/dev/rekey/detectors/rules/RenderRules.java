package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.RENDER;
import static dev.rekey.detectors.rules.Shapes.prefixed;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Render: Render API key. */
final class RenderRules {
  private static final Severity C = Severity.CRITICAL;

  private RenderRules() {}

  static List<Rule> rules() {
    return List.of(
        prefixed(
                Shapes.rule("render.api-key", RENDER, "api-key", C, "Render API key"),
                "rnd_",
                "[A-Za-z0-9]{32}",
                32)
            .examples("RENDER_API_KEY=rnd_MBA28mgZYGnk6cBFWQn9jpLuw49fzJfu")
            .counterExamples("RENDER_API_KEY=rnd_...")
            .rotation("https://render.com/docs/api#1-create-an-api-key")
            .build());
  }
}

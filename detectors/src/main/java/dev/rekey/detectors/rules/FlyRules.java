package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.FLY_IO;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Fly.io: Fly.io access or deploy token. */
final class FlyRules {
  private static final Severity C = Severity.CRITICAL;

  private FlyRules() {}

  static List<Rule> rules() {
    return List.of(
        Shapes.rule("fly.access-token", FLY_IO, "access-token", C, "Fly.io access or deploy token")
            .keywords("fm1r_", "fm1a_", "fm2_", "fo1_")
            .pattern(
                Shapes.START
                    + "((?:fm1[ar]|fm2|fo1)_[A-Za-z0-9+/=_-]{40,2000})(?![A-Za-z0-9+/=_-])")
            .prefixed(2010)
            .minEntropy(4.0)
            .examples(
                "FLY_API_TOKEN=\"FlyV1 fm2_MhZ1Dfe4JqDzgVA6UduI3yDVW38Wjvbiq39yBKlY5WmYau4Obkt8UD6r1XhU+qfPNTgS87jo+Fqv6YAo5K2EByFiSxi4/z5tNBtwSm9q0wLgWickcsDCa65196hbNDHzNt+lz1T5SUrDKzVu9Xb4EpTp/Sf+vaam45sptGrzzkDR6S971H3hb8RIF+PV19u6Pzrqwo/k\"",
                "fly_token: fo1_iPVaPyPoJMKTCjgmlJPjBW3wgEBFsSZ5nsIlJ9Hj3Gl")
            .counterExamples(
                "FLY_API_TOKEN=fm2_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
            .rotation("https://fly.io/docs/security/tokens/")
            .build());
  }
}

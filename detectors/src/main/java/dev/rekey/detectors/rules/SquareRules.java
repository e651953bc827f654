package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.SQUARE;
import static dev.rekey.detectors.rules.Shapes.END;
import static dev.rekey.detectors.rules.Shapes.START;
import static dev.rekey.detectors.rules.Shapes.prefixed;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Square: Square production access token; Square OAuth application secret. */
final class SquareRules {
  private static final Severity C = Severity.CRITICAL;

  private SquareRules() {}

  static List<Rule> rules() {
    return List.of(
        Shapes.rule(
                "square.access-token", SQUARE, "access-token", C, "Square production access token")
            .keywords("eaaa", "sq0atp-")
            .pattern(START + "((?:EAAA[A-Za-z0-9_-]{60}|sq0atp-[0-9A-Za-z_-]{22}))" + END)
            .prefixed(72)
            .minEntropy(4.0)
            .examples(
                "SQUARE_ACCESS_TOKEN=EAAAWGyP63BWYwfd5kG5pc7WbNOSF4nt--cT4Ci2XyNDgn2wJqaMcDlLgp91Rv-n",
                "token: sq0atp-STq4gXD0MbRqXv8w9r8U63")
            .counterExamples(
                "SQUARE_ACCESS_TOKEN=EAAAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
            .rotation("https://developer.squareup.com/docs/build-basics/access-tokens")
            .build(),
        prefixed(
                Shapes.rule(
                    "square.oauth-secret",
                    SQUARE,
                    "oauth-secret",
                    C,
                    "Square OAuth application secret"),
                "sq0csp-",
                "[0-9A-Za-z_-]{43}",
                43)
            .examples("SQUARE_APP_SECRET=sq0csp-s1qeHjLVPuyxJ7T2B1EiftiHrBRURt19dViznY1jqsR")
            .counterExamples("SQUARE_APP_SECRET=sq0csp-...")
            .rotation("https://developer.squareup.com/docs/oauth-api/overview")
            .build());
  }
}

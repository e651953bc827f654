package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.PINECONE;
import static dev.rekey.detectors.rules.Shapes.named;
import static dev.rekey.detectors.rules.Shapes.prefixed;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Pinecone: Pinecone API key; Pinecone API key (legacy UUID format). */
final class PineconeRules {
  private static final Severity C = Severity.CRITICAL;

  private PineconeRules() {}

  static List<Rule> rules() {
    return List.of(
        prefixed(
                Shapes.rule("pinecone.api-key", PINECONE, "api-key", C, "Pinecone API key"),
                "pcsk_",
                "[A-Za-z0-9]{4,8}_[A-Za-z0-9]{50,80}",
                90)
            .examples(
                "PINECONE_API_KEY=pcsk_enAHgC_qgJzlX9XU4DhFYLJByxpSvmhNPEcN7Xzzh0w0wlxZyP77HVKddz23xPG5yrDtpK")
            .counterExamples("PINECONE_API_KEY=pcsk_...")
            .rotation("https://docs.pinecone.io/guides/projects/manage-api-keys")
            .build(),
        named(
                Shapes.rule(
                    "pinecone.legacy-api-key",
                    PINECONE,
                    "api-key",
                    C,
                    "Pinecone API key (legacy UUID format)"),
                "pinecone",
                Shapes.UUID)
            .examples("PINECONE_API_KEY=f8bd7a1e-7691-43af-ad65-58cc2ccbc958")
            .counterExamples("PINECONE_INDEX_NAME=products")
            .rotation("https://docs.pinecone.io/guides/projects/manage-api-keys")
            .build());
  }
}

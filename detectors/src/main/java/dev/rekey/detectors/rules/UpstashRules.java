package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.UPSTASH;
import static dev.rekey.detectors.rules.Shapes.named;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Upstash: Upstash Redis REST token; Upstash QStash token or signing key. */
final class UpstashRules {
  private static final Severity C = Severity.CRITICAL;

  private UpstashRules() {}

  static List<Rule> rules() {
    return List.of(
        named(
                Shapes.rule(
                    "upstash.redis-token", UPSTASH, "api-token", C, "Upstash Redis REST token"),
                "upstash",
                "A[A-Za-z0-9_-]{40,120}={0,2}")
            .examples(
                "UPSTASH_REDIS_REST_TOKEN=AXE6oNiaEhG1l1ejRpnvAjsHcdprySHGggsPdCO4k2kBi195u0Gcnhn7nT00")
            .counterExamples("UPSTASH_REDIS_REST_URL=https://eu1-fancy-owl-31337.upstash.io")
            .rotation("https://upstash.com/docs/redis/features/restapi")
            .build(),
        named(
                Shapes.rule(
                    "upstash.qstash-token",
                    UPSTASH,
                    "api-token",
                    C,
                    "Upstash QStash token or signing key"),
                "qstash",
                "(?:eyJ[A-Za-z0-9_=-]{40,300}|sig_[A-Za-z0-9]{20,40})")
            .examples(
                "QSTASH_TOKEN=eyJVc2VySUQiOipbB2XBWiGb8LHYmgOBngD4xLC4Cdc68ss-BMSlGd8ylr5__nSDoojpYZMV5vODrmOy7uqC_m1UdH6Ia4",
                "QSTASH_CURRENT_SIGNING_KEY=sig_UWFZKHW6qO4XsOuF9CemF3hNk483")
            .counterExamples("QSTASH_URL=https://qstash.upstash.io")
            .rotation("https://upstash.com/docs/qstash/howto/roll-signing-keys")
            .build());
  }
}

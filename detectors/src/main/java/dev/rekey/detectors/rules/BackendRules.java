package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.Shapes.named;
import static dev.rekey.detectors.rules.Shapes.prefixed;

import dev.rekey.detectors.Candidate;
import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import dev.rekey.detectors.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Backend services: Clerk, Auth0, PlanetScale, Upstash and Neon. */
final class BackendRules {
  private static final Severity C = Severity.CRITICAL;
  private static final String PSCALE = "https://planetscale.com/docs/concepts/service-tokens";

  private BackendRules() {}

  static List<Rule> rules() {
    return List.of(
        Shapes.rule("clerk.secret-key", "Clerk", "secret-key", C, "Clerk secret key")
            .keywords("clerk")
            .pattern(
                "(?i:clerk)[A-Za-z0-9_.-]{0,20}?(?i:secret|key)"
                    + Shapes.ASSIGN
                    + "(?<secret>sk_(?:live|test)_[A-Za-z0-9]{30,80})"
                    + Shapes.END)
            .prefixed(140)
            .supersedes("stripe.secret-key", "stripe.test-key")
            .examples("CLERK_SECRET_KEY=sk_live_k313tZvzjfTtjhq04dE6ZdNMUpQQnQJa0r1G6OiPZ7")
            .counterExamples("CLERK_SECRET_KEY=sk_live_...")
            .rotation(
                "https://clerk.com/docs/deployments/overview#api-keys-and-environment-variables")
            .build(),
        prefixed(
                "clerk.publishable-key",
                "Clerk",
                "publishable-key",
                Severity.INFO,
                "Clerk publishable key (public by design)",
                "pk_",
                "(?:live|test)_[A-Za-z0-9+/]{20,120}={0,2}",
                130)
            .supersedes("stripe.publishable-key")
            .check(BackendRules::clerkPublishable)
            .examples(
                "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=pk_test_ZWt0YWxlc2ktamxqYWd6LTEyLmNsZXJrLmFjY291bnRzLmRldiQ")
            .counterExamples(
                "NEXT_PUBLIC_STRIPE_KEY=pk_test_0TPDWC6XBAJ7omU1gkXfKUrwwx3WSS2CWRdkdmgpjtexpwky1BB0kx1eHYSRo5xfUFV8XhKhWb4900PoG3KxrpNd0rT3I7k5snx")
            .rotation(
                "https://clerk.com/docs/deployments/overview#api-keys-and-environment-variables")
            .build(),
        named(
                "auth0.client-secret",
                "Auth0",
                "client-secret",
                C,
                "Auth0 application client secret",
                "auth0",
                "[A-Za-z0-9_-]{64}")
            .examples(
                "AUTH0_CLIENT_SECRET=fkhrfv86AfyOVOnIRIJzMMJcWPvNKhKmA7g9Lu8uvk5WV-TU3BnEsRoHJm1in2r2")
            .counterExamples(
                "AUTH0_CLIENT_SECRET='use-your-own-client-secret-from-the-auth0-dashboard-please-ok'")
            .rotation("https://auth0.com/docs/get-started/applications/rotate-client-secret")
            .build(),
        prefixed(
                "planetscale.service-token",
                "PlanetScale",
                "service-token",
                C,
                "PlanetScale service token",
                "pscale_tkn_",
                "[A-Za-z0-9_.-]{43}",
                43)
            .examples(
                "PLANETSCALE_SERVICE_TOKEN=pscale_tkn_4UnG0GUu8RxkR_j_IjiMZTaj4KZAhwf_i7Pq4JCc-KG")
            .counterExamples("PLANETSCALE_SERVICE_TOKEN=pscale_tkn_...")
            .rotation(PSCALE)
            .build(),
        prefixed(
                "planetscale.password",
                "PlanetScale",
                "database-password",
                C,
                "PlanetScale database password",
                "pscale_pw_",
                "[A-Za-z0-9_.-]{43}",
                43)
            .examples("DATABASE_PASSWORD=pscale_pw_4UTDVz2OuqGW_A8mjwABY0GaAHfrUhVFroHdw_tZci8")
            .counterExamples("DATABASE_PASSWORD=pscale_pw_<password>")
            .rotation("https://planetscale.com/docs/concepts/connection-strings")
            .build(),
        prefixed(
                "planetscale.oauth-token",
                "PlanetScale",
                "oauth-token",
                C,
                "PlanetScale OAuth token",
                "pscale_oauth_",
                "[A-Za-z0-9_.-]{32,64}",
                64)
            .examples("token: pscale_oauth_9OoE5jGjUhuRyMl44ZSCe33-WH9o2LAgPbzjpPueAOx")
            .counterExamples("token: pscale_oauth_...")
            .rotation(PSCALE)
            .build(),
        named(
                "upstash.redis-token",
                "Upstash",
                "api-token",
                C,
                "Upstash Redis REST token",
                "upstash",
                "A[A-Za-z0-9_-]{40,120}={0,2}")
            .examples(
                "UPSTASH_REDIS_REST_TOKEN=AXE6oNiaEhG1l1ejRpnvAjsHcdprySHGggsPdCO4k2kBi195u0Gcnhn7nT00")
            .counterExamples("UPSTASH_REDIS_REST_URL=https://eu1-fancy-owl-31337.upstash.io")
            .rotation("https://upstash.com/docs/redis/features/restapi")
            .build(),
        named(
                "upstash.qstash-token",
                "Upstash",
                "api-token",
                C,
                "Upstash QStash token or signing key",
                "qstash",
                "(?:eyJ[A-Za-z0-9_=-]{40,300}|sig_[A-Za-z0-9]{20,40})")
            .examples(
                "QSTASH_TOKEN=eyJVc2VySUQiOipbB2XBWiGb8LHYmgOBngD4xLC4Cdc68ss-BMSlGd8ylr5__nSDoojpYZMV5vODrmOy7uqC_m1UdH6Ia4",
                "QSTASH_CURRENT_SIGNING_KEY=sig_UWFZKHW6qO4XsOuF9CemF3hNk483")
            .counterExamples("QSTASH_URL=https://qstash.upstash.io")
            .rotation("https://upstash.com/docs/qstash/howto/roll-signing-keys")
            .build(),
        prefixed("neon.api-key", "Neon", "api-key", C, "Neon API key", "napi_", "[a-z0-9]{64}", 64)
            .examples(
                "NEON_API_KEY=napi_7t6mcttpobnltq57ne02rdxqrg2r2sg2bs1vj7a04uvg4jyeps9q7qdnizow9oxr")
            .counterExamples("NEON_API_KEY=napi_...")
            .rotation("https://neon.tech/docs/manage/api-keys")
            .build());
  }

  /**
   * A Clerk publishable key is base64 of the instance's frontend API host followed by {@code $}.
   */
  private static Verdict clerkPublishable(Candidate candidate) {
    String encoded = candidate.secret().substring("pk_test_".length());
    try {
      String host = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
      return host.endsWith("$") && host.contains(".")
          ? Verdict.accept(candidate.rule().severity())
          : Verdict.reject("not a Clerk frontend API host");
    } catch (IllegalArgumentException e) {
      return Verdict.reject("not base64");
    }
  }
}

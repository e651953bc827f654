package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.CLERK;
import static dev.rekey.detectors.rules.Shapes.prefixed;

import dev.rekey.detectors.Candidate;
import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import dev.rekey.detectors.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Clerk: Clerk secret key; Clerk publishable key (public by design). */
final class ClerkRules {
  private static final Severity C = Severity.CRITICAL;

  private ClerkRules() {}

  static List<Rule> rules() {
    return List.of(
        Shapes.rule("clerk.secret-key", CLERK, "secret-key", C, "Clerk secret key")
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
                Shapes.rule(
                    "clerk.publishable-key",
                    CLERK,
                    "publishable-key",
                    Severity.INFO,
                    "Clerk publishable key (public by design)"),
                "pk_",
                "(?:live|test)_[A-Za-z0-9+/]{20,120}={0,2}",
                130)
            .supersedes("stripe.publishable-key")
            .check(ClerkRules::clerkPublishable)
            .examples(
                "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=pk_test_ZWt0YWxlc2ktamxqYWd6LTEyLmNsZXJrLmFjY291bnRzLmRldiQ")
            .counterExamples(
                "NEXT_PUBLIC_STRIPE_KEY=pk_test_0TPDWC6XBAJ7omU1gkXfKUrwwx3WSS2CWRdkdmgpjtexpwky1BB0kx1eHYSRo5xfUFV8XhKhWb4900PoG3KxrpNd0rT3I7k5snx")
            .rotation(
                "https://clerk.com/docs/deployments/overview#api-keys-and-environment-variables")
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

package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.SENTRY;
import static dev.rekey.detectors.rules.Shapes.prefixed;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Sentry: Sentry organization auth token; Sentry user auth token. */
final class SentryRules {
  private static final Severity H = Severity.HIGH;

  private SentryRules() {}

  static List<Rule> rules() {
    return List.of(
        prefixed(
                Shapes.rule(
                    "sentry.org-token",
                    SENTRY,
                    "org-auth-token",
                    H,
                    "Sentry organization auth token"),
                "sntrys_",
                "eyJ[A-Za-z0-9+/=_-]{60,600}",
                600)
            .examples(
                "SENTRY_AUTH_TOKEN=sntrys_eyJpYXQiOjE3MDAwMDAwMDAuMCwidXJsIjoiaHR0cHM6Ly9zZW50cnkuaW8iXqSLt3hznI1qcx5SxuEnGwwn4KHq0N5cPDFqT0Lb20X703CFGCAUpiZG64ryCB7d")
            .counterExamples("SENTRY_AUTH_TOKEN=sntrys_...")
            .rotation("https://docs.sentry.io/account/auth-tokens/")
            .build(),
        prefixed(
                Shapes.rule(
                    "sentry.user-token", SENTRY, "user-auth-token", H, "Sentry user auth token"),
                "sntryu_",
                "[a-f0-9]{64}",
                64)
            .examples(
                "SENTRY_AUTH_TOKEN=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")
            .counterExamples("SENTRY_AUTH_TOKEN=sntryu_...")
            .rotation("https://docs.sentry.io/account/auth-tokens/")
            .build());
  }
}

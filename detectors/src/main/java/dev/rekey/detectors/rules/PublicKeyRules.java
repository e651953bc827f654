package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.ALGOLIA;
import static dev.rekey.detectors.rules.ProviderCatalog.SENTRY;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/**
 * Keys that are public by design and ship in every page that uses them: Algolia search-only keys
 * (DocSearch) and Sentry DSNs. Reported at {@code info}, so that a generic rule does not report
 * them as secrets, and so that a reader sees they are there.
 */
final class PublicKeyRules {
  private PublicKeyRules() {}

  static List<Rule> rules() {
    return List.of(algolia(), sentry());
  }

  private static Rule algolia() {
    return Shapes.rule(
            "algolia.search-key",
            ALGOLIA,
            "publishable-key",
            Severity.INFO,
            "Algolia search-only API key (public by design)")
        .keywords("searchkey", "search_key", "search-key", "searchonly", "search_only", "docsearch")
        .pattern(
            "(?i:docsearch|search[_-]?(?:only[_-]?)?(?:api[_-]?)?key)[\\s\\S]{0,320}?"
                + "(?<![A-Za-z0-9])(?<secret>[0-9a-f]{32})(?![A-Za-z0-9])")
        .window(24, 380)
        .generic()
        .supersedes("generic.secret")
        .examples(
            "docsearch({ appId: 'R2IYF7ETH7', apiKey: '599cec31baffa4868cae4e79f180729b', indexName: 'docs' })",
            "ALGOLIA_SEARCH_KEY=4f2c9d8e1b7a6c3f5e0d9a8b7c6f1e2d",
            "import { DocSearchModal } from \"@docsearch/react\"\nimport Link from \"next/link\"\n"
                + "import { useCallback, useRef, useState } from \"react\"\n"
                + "import useActionKey from \"../../hooks/useActionKey\"\n\n"
                + "const INDEX_NAME = \"wpgraphql\"\n"
                + "const API_KEY = \"4f2c9d8e1b7a6c3f5e0d9a8b7c6f1e2d\"\n")
        .counterExamples("ALGOLIA_ADMIN_KEY=4f2c9d8e1b7a6c3f5e0d9a8b7c6f1e2d")
        .rotation("https://www.algolia.com/doc/guides/security/api-keys/")
        .build();
  }

  private static Rule sentry() {
    return Shapes.rule(
            "sentry.dsn",
            SENTRY,
            "publishable-key",
            Severity.INFO,
            "Sentry DSN (public by design: it only lets clients send events)")
        .keywords("sentry.io", "ingest.")
        .pattern(
            "https?://(?<secret>[0-9a-f]{32}(?::[0-9a-f]{32})?)@"
                + "(?:[a-z0-9-]+\\.)*(?:ingest\\.[a-z0-9.-]+|sentry\\.io)(?::\\d+)?/\\d+")
        .window(110, 80)
        .supersedes("generic.credentials-url")
        .examples(
            "SENTRY_DSN=https://3f9a1c7e2b84d6f0a9e1c3b5d7f2a4e6@o123456.ingest.sentry.io/4504")
        .counterExamples("SENTRY_DSN=https://<key>@o0.ingest.sentry.io/0")
        .rotation("https://docs.sentry.io/concepts/key-terms/dsn-explainer/")
        .build();
  }
}

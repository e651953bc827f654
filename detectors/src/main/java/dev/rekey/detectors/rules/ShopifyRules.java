package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.SHOPIFY;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/** Shopify: Shopify app access token or shared secret. */
final class ShopifyRules {
  private static final Severity C = Severity.CRITICAL;

  private ShopifyRules() {}

  static List<Rule> rules() {
    return List.of(
        Shapes.rule(
                "shopify.access-token",
                SHOPIFY,
                "access-token",
                C,
                "Shopify app access token or shared secret")
            .keywords("shpat_", "shpca_", "shppa_", "shpss_")
            .pattern(Shapes.START + "(shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})" + Shapes.END)
            .prefixed(40)
            .publicPrefix(6)
            .examples(
                "SHOPIFY_ADMIN_TOKEN=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",
                "SHOPIFY_API_SECRET=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")
            .counterExamples("SHOPIFY_ADMIN_TOKEN=shpat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
            .rotation(
                "https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/rotate-revoke-access-tokens")
            .build());
  }
}

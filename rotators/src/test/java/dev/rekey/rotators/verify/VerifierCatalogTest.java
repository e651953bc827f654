package dev.rekey.rotators.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.detectors.rules.ProviderCatalog;
import dev.rekey.detectors.rules.RuleCatalog;
import org.junit.jupiter.api.Test;

/** Verifiers name providers and rules only through the catalog, and only ones it has. */
class VerifierCatalogTest {

  @Test
  void everyVerifierAsksACatalogProviderAboutBuiltInRules() {
    for (Verifier verifier : VerifierCatalog.builtIn().all()) {
      assertThat(ProviderCatalog.all()).as(verifier.toString()).contains(verifier.provider());
      assertThat(verifier.rules()).isNotEmpty();
      verifier.rules().forEach(id -> assertThat(RuleCatalog.byId(id)).as(id).isPresent());
    }
  }
}

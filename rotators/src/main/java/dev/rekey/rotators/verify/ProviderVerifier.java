package dev.rekey.rotators.verify;

import dev.rekey.detectors.Provider;
import java.util.List;

/**
 * A verifier of its own: the provider it asks and the rules whose secrets it checks, given once.
 */
abstract class ProviderVerifier implements Verifier {
  private final Provider provider;
  private final List<String> rules;

  ProviderVerifier(Provider provider, String... rules) {
    this.provider = provider;
    this.rules = List.of(rules);
  }

  @Override
  public final Provider provider() {
    return provider;
  }

  @Override
  public final List<String> rules() {
    return rules;
  }
}

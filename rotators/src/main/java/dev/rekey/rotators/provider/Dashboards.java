package dev.rekey.rotators.provider;

import dev.rekey.detectors.Rule;
import dev.rekey.rotators.Credential;
import java.util.Optional;

/**
 * The provider's own page where a user creates and revokes keys, for guided rotations: the rule's
 * own page where its kind of key lives apart, else the provider's dashboard (both from the
 * catalog), else the rule's rotation page, else a description.
 */
public final class Dashboards {
  private Dashboards() {}

  public static String page(Credential credential) {
    Optional<Rule> rule = credential.rule();
    String own = rule.map(Rule::dashboard).orElse(null);
    if (own != null) {
      return own;
    }
    String provider = rule.map(r -> r.provider().dashboard()).orElse(null);
    if (provider != null) {
      return provider;
    }
    String url = credential.rotationUrl();
    return url != null ? url : "the " + credential.provider() + " dashboard";
  }
}

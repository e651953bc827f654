package dev.rekey.rotators;

import dev.rekey.detectors.rules.RuleCatalog;
import java.util.List;
import java.util.Optional;

/**
 * The rotators, most specific first; the last one (the guided rotator) handles every credential the
 * others do not.
 */
public final class RotatorCatalog {
  private final List<Rotator> rotators;

  public RotatorCatalog(List<Rotator> rotators) {
    if (rotators.isEmpty()) {
      throw new IllegalArgumentException("a rotator catalog needs at least one rotator");
    }
    this.rotators = List.copyOf(rotators);
  }

  /**
   * The first rotator that handles the credential; for a custom rule's credential, the last (the
   * guided rotation): a custom rule's id cannot make rekey send its secret to a provider.
   */
  public Rotator forCredential(Credential credential) {
    if (!RuleCatalog.isBuiltIn(credential.ruleId())) {
      return rotators.getLast();
    }
    return rotators.stream()
        .filter(r -> r.handles(credential))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no rotator for " + credential.ruleId()));
  }

  /** The rotator recorded under {@code name} in a journal. */
  public Optional<Rotator> named(String name) {
    return rotators.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  public List<Rotator> all() {
    return rotators;
  }
}

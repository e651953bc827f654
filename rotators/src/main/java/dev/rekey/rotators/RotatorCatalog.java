package dev.rekey.rotators;

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

  /** The first rotator that handles the credential. */
  public Rotator forCredential(Credential credential) {
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

package dev.rekey.scanner.model;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.Collection;
import java.util.Locale;

/**
 * Who can read a secret where it was found, from the most exposed ({@link #PUBLIC}) to the least
 * ({@link #LOCAL}). A finding's exposure is that of its most exposed location.
 */
public enum Exposure {
  /** Shipped to every browser: a client bundle, a deployed site, a browser-exposed env variable. */
  PUBLIC,
  /**
   * In the project's code (a tracked file, or the tip of the default branch, which a bare
   * repository has without a working tree) or a server chunk: readable by whoever has the code or
   * the server.
   */
  SERVER,
  /**
   * Only in git history, no longer at the default branch's tip: readable by whoever has a clone.
   */
  HISTORY,
  /** In an untracked or ignored file on this machine. */
  LOCAL;

  /** The rule kind of keys that are meant to be public, such as Stripe's {@code pk_live_}. */
  public static final String PUBLISHABLE_KIND = "publishable-key";

  /** The report label, e.g. {@code public}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The exposure of a match seen at {@code provenance}; {@code browserEnv} tells that it is the
   * value of a variable whose name ships it to the browser (see {@link BrowserEnv}).
   */
  public static Exposure of(Provenance provenance, boolean browserEnv) {
    if (provenance instanceof Provenance.Embedded embedded) {
      return of(embedded.map(), false);
    }
    if (provenance instanceof Provenance.Bundle bundle) {
      return bundle.exposure();
    }
    if (provenance instanceof Provenance.Url) {
      return PUBLIC;
    }
    SourceKind kind = provenance.kind();
    if (kind == SourceKind.HISTORY || kind == SourceKind.COMMIT_MESSAGE) {
      return HISTORY;
    }
    if (browserEnv) {
      return PUBLIC;
    }
    boolean onlyHere =
        provenance instanceof Provenance.IgnoredFile
            || provenance instanceof Provenance.File file && !file.tracked();
    return onlyHere ? LOCAL : SERVER;
  }

  /** The most exposed of {@code exposures}, or {@link #LOCAL} when there are none. */
  public static Exposure widest(Collection<Exposure> exposures) {
    return exposures.stream().min(Enum::compareTo).orElse(LOCAL);
  }

  /**
   * The severity of a secret of {@code rule} found with this exposure at {@code severity}: a secret
   * of high severity or above that ships to browsers is critical; a publishable key there is
   * expected and at most {@link Severity#INFO}.
   */
  public Severity adjust(Rule rule, Severity severity) {
    if (this != PUBLIC) {
      return severity;
    }
    if (PUBLISHABLE_KIND.equals(rule.kind())) {
      return Severity.INFO;
    }
    return severity.atLeast(Severity.HIGH) ? Severity.CRITICAL : severity;
  }
}

package dev.rekey.rotators.store;

import dev.rekey.rotators.Credential;
import dev.rekey.rotators.RunId;

/**
 * Where a run puts the new values: opens the {@link Store} for each credential. Parsed from the
 * command line's {@code --store} (see {@link StoreSpec}).
 */
public interface StoreTarget {

  /** What the store for this credential will be, without touching it (for plans). */
  String describe(Credential credential);

  /**
   * What must happen between storing the new value and revoking the old one, for the plan (a store
   * that applies values only at the next deployment); empty for stores read at once.
   */
  default java.util.Optional<String> revokeCaveat(Credential credential) {
    return java.util.Optional.empty();
  }

  /** The store for this credential's values in this run. */
  Store open(Credential credential, RunId run);
}

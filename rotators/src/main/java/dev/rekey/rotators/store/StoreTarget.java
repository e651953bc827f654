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

  /** The store for this credential's values in this run. */
  Store open(Credential credential, RunId run);
}

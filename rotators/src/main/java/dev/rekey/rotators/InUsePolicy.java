package dev.rekey.rotators;

/** What revoke does when the old credential's provider says it is still in use. */
public enum InUsePolicy {
  /**
   * Wait for it to be let go, looking again every second, for at most the plan's grace; then stop
   * with the evidence, the old credential still working, for a later {@code rotate --finish}.
   */
  WAIT,
  /** Revoke it anyway ({@code --force}): whatever still uses it is refused from then on. */
  REVOKE_ANYWAY
}

package dev.rekey.rotators;

/** Whether rekey rotates a credential on its own or walks the user through it. */
public enum RotationMode {
  /** rekey creates, applies, tests and revokes through the provider's API. */
  AUTOMATED,
  /** The user creates and revokes on the provider's page; rekey stores, checks and records. */
  GUIDED;

  public String label() {
    return this == AUTOMATED ? "automated" : "guided";
  }
}

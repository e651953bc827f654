package dev.rekey.scanner.model;

import java.util.Locale;

/**
 * What the provider said about a finding's secret when asked ({@code rekey scan --verify}).
 *
 * @param status live, revoked, unknown or error
 * @param reason why, in a few words: the provider's answer, or why no answer was sought (for
 *     people: nothing reads facts back out of it)
 * @param scope what a live key may do, when the answer told
 */
public record Verified(Status status, String reason, Scope scope) {

  /** An answer without a scope: the provider's answer does not tell it. */
  public Verified(Status status, String reason) {
    this(status, reason, Scope.UNKNOWN);
  }

  /** What a live key may do, as far as the provider's answer tells. */
  public enum Scope {
    /** The answer does not tell. */
    UNKNOWN,
    /**
     * Less than a full key: the provider refused the read-only call because the key may only do a
     * part of what its kind can, e.g. Resend's sending-only keys.
     */
    RESTRICTED
  }

  /** The answer to "is this key still live?". */
  public enum Status {
    /** The provider accepted the secret. */
    LIVE,
    /** The provider refused it as unknown, revoked or expired. */
    REVOKED,
    /** No answer either way: no read-only check exists, a canary token, a missing detail. */
    UNKNOWN,
    /** The check failed: the provider could not be reached or kept failing. */
    ERROR;

    /** The name used in reports, e.g. {@code live}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static Verified live(String reason) {
    return new Verified(Status.LIVE, reason);
  }

  /** The provider accepted the secret, and its answer told the key's scope. */
  public static Verified live(String reason, Scope scope) {
    return new Verified(Status.LIVE, reason, scope);
  }

  public static Verified revoked(String reason) {
    return new Verified(Status.REVOKED, reason);
  }

  public static Verified unknown(String reason) {
    return new Verified(Status.UNKNOWN, reason);
  }

  public static Verified error(String reason) {
    return new Verified(Status.ERROR, reason);
  }
}

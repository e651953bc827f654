package dev.rekey.rotators.db;

import java.util.Arrays;
import java.util.Locale;

/** How a PostgreSQL role's credential is rotated (PostgreSQL keeps one password per role). */
public enum PostgresStrategy {
  /**
   * AWS's alternating-users strategy: a second login role, a member of the first (so it has the
   * same privileges and memberships), takes the new password, and the two are used in turn. No
   * window: the old role keeps working until it is revoked.
   */
  ALTERNATING_USERS("alternating-users"),
  /**
   * The role's own password is replaced: between set and finish, applications reading the store get
   * a password the server no longer accepts.
   */
  SINGLE_USER("single-user");

  private final String label;

  PostgresStrategy(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The strategy named {@code text}; throws with the accepted names otherwise. */
  public static PostgresStrategy parse(String text) {
    return Arrays.stream(values())
        .filter(s -> s.label.equals(text.strip().toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "--postgres-strategy "
                        + text
                        + ": not a strategy: use alternating-users or single-user"));
  }
}

package dev.rekey.rotators.db;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How database rotators connect.
 *
 * @param adminUrls connection URLs of accounts allowed to change other accounts' passwords, matched
 *     to a leaked URL by family, host and port; without one, a rotator changes the password while
 *     logged in as the account itself
 * @param timeout the limit on connecting and on each statement
 * @param postgres how PostgreSQL roles are rotated
 */
public record DatabaseSettings(
    List<DatabaseUrl> adminUrls, Duration timeout, PostgresStrategy postgres) {

  public DatabaseSettings {
    adminUrls = List.copyOf(adminUrls);
  }

  /** With PostgreSQL's alternating users. */
  public DatabaseSettings(List<DatabaseUrl> adminUrls, Duration timeout) {
    this(adminUrls, timeout, PostgresStrategy.ALTERNATING_USERS);
  }

  public static DatabaseSettings defaults() {
    return new DatabaseSettings(List.of(), Duration.ofSeconds(15));
  }

  /** The admin URL for the server {@code target} is on, if one was given. */
  public Optional<DatabaseUrl> adminFor(DatabaseUrl target) {
    return adminUrls.stream()
        .filter(a -> a.family().equals(target.family()))
        .filter(a -> a.host().equalsIgnoreCase(target.host()) && a.port() == target.port())
        .findFirst();
  }
}

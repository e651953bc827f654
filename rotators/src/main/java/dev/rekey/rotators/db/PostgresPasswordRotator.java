package dev.rekey.rotators.db;

import dev.rekey.detectors.SecretValue;
import dev.rekey.detectors.rules.DatabaseRules;
import dev.rekey.rotators.Credential;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.StepContext;
import dev.rekey.rotators.UsageCheck;
import java.sql.Connection;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

/**
 * Rotates a PostgreSQL role's password, fully automated. The driver hashes the new password
 * (SCRAM-SHA-256 or whatever the server's {@code password_encryption} says) before sending it, so
 * the clear password never reaches the server or its logs. A role has one password: the old one
 * stops working at set, which is why set comes after the new URL is safely staged — and why an
 * application reading the store between set and finish gets a password the server refuses. It is
 * the {@link PostgresStrategy#SINGLE_USER} strategy, used only when asked for; the default is
 * {@link PostgresAlternatingUsersRotator}.
 */
public final class PostgresPasswordRotator extends PasswordRotator {

  public PostgresPasswordRotator(DatabaseSettings settings) {
    super(settings, new Family("postgres-password", "postgresql", DatabaseRules.POSTGRES_URL));
  }

  /** Only when asked for: the single-user strategy has a window. */
  @Override
  public boolean handles(Credential credential) {
    return settings.postgres() == PostgresStrategy.SINGLE_USER && super.handles(credential);
  }

  @Override
  public UsageCheck usageCheck(Credential credential) {
    return UsageCheck.none("the old password stopped working at set (one password per role)");
  }

  @Override
  String setDescription(DatabaseUrl url) {
    return "set the new password on role "
        + url.describe()
        + " (single-user strategy: PostgreSQL keeps one password per role, so the old one stops"
        + " working here and applications that read the store before finish are refused until"
        + " then)";
  }

  @Override
  String revokeDescription(DatabaseUrl url) {
    return "nothing left to remove (the old password was replaced at set)";
  }

  @Override
  String currentUserQuery() {
    return "SELECT current_user";
  }

  @Override
  void apply(StepContext context, DatabaseUrl old, DatabaseUrl next) throws RotationException {
    alter(old, old.password(), next);
  }

  @Override
  void discardOld(StepContext context, DatabaseUrl old, DatabaseUrl current) {
    // One password per role: the old one was replaced when the new one was set.
  }

  @Override
  void restore(StepContext context, DatabaseUrl previous, DatabaseUrl current)
      throws RotationException {
    alter(current, current.password(), previous);
  }

  /** Logs in as {@code as} (or the admin) and sets {@code target}'s password. */
  private void alter(DatabaseUrl as, @Nullable SecretValue asPassword, DatabaseUrl target)
      throws RotationException {
    try (Connection connection = adminOr(as, asPassword)) {
      connection
          .unwrap(PGConnection.class)
          .alterUserPassword(target.user(), password(target).reveal().toCharArray(), null);
    } catch (SQLException e) {
      throw Logins.classify("ALTER ROLE " + target.user() + " PASSWORD", e);
    }
  }
}

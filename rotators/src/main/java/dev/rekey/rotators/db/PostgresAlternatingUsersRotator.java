package dev.rekey.rotators.db;

import dev.rekey.detectors.SecretValue;
import dev.rekey.detectors.rules.DatabaseRules;
import dev.rekey.rotators.Credential;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.StepContext;
import dev.rekey.rotators.UsageCheck;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

/**
 * Rotates a PostgreSQL login with AWS's alternating-users strategy, for a server that keeps one
 * password per role: a second role {@code NAME_clone} (AWS's name) takes the new password and the
 * store's URL moves to it, while {@code NAME} keeps working until revoke. The clone is created as a
 * member of the original, so it has the original's privileges and memberships, and objects it
 * reaches are the original's; role attributes and per-role settings are not copied. A rotation of
 * the clone's own URL alternates back to the original. Revoke gives the old role a random password
 * that is never stored, so the leaked one stops working; the role itself stays for the next turn.
 *
 * <p>Creating a role needs {@code CREATEROLE}: pass {@code --db-admin-url}. Passwords are hashed by
 * the driver before they are sent, as in {@link PostgresPasswordRotator}.
 */
public final class PostgresAlternatingUsersRotator extends PasswordRotator {
  static final String SUFFIX = "_clone";
  private static final int MAX_NAME = 63;

  public PostgresAlternatingUsersRotator(DatabaseSettings settings) {
    super(
        settings,
        new Family("postgres-alternating-users", "postgresql", DatabaseRules.POSTGRES_URL));
  }

  @Override
  public boolean handles(Credential credential) {
    return settings.postgres() == PostgresStrategy.ALTERNATING_USERS && super.handles(credential);
  }

  @Override
  public Optional<String> refusal(Credential credential) {
    Optional<String> refusal = super.refusal(credential);
    if (refusal.isPresent()) {
      return refusal;
    }
    String user = DatabaseUrl.of(credential).map(DatabaseUrl::user).orElse("");
    if (alternate(user).length() > MAX_NAME) {
      return Optional.of(
          "role "
              + user
              + " is too long to clone as "
              + user
              + SUFFIX
              + ": rotate with --postgres-strategy single-user");
    }
    return Optional.empty();
  }

  @Override
  public UsageCheck usageCheck(Credential credential) {
    return DatabaseUrl.of(credential)
        .<UsageCheck>map(u -> new PostgresSessions(this, u.user()))
        .orElse(UsageCheck.none("no role name to look for"));
  }

  /** The other role of the pair: the clone of an original, the original of a clone. */
  static String alternate(String user) {
    return user.endsWith(SUFFIX) && user.length() > SUFFIX.length()
        ? user.substring(0, user.length() - SUFFIX.length())
        : user + SUFFIX;
  }

  @Override
  String setDescription(DatabaseUrl url) {
    String other = alternate(url.user());
    return "give the new password to role "
        + other
        + (other.endsWith(SUFFIX)
            ? ", created if missing as a member of " + url.user() + " (same privileges)"
            : "")
        + "; role "
        + url.user()
        + " keeps working (alternating users: no window)";
  }

  @Override
  String testDescription(String who) {
    return "as the other role of " + who;
  }

  @Override
  String revokeDescription(DatabaseUrl url) {
    return "give role " + url.user() + " a random password that is never stored";
  }

  @Override
  String currentUserQuery() {
    return "SELECT current_user";
  }

  @Override
  DatabaseUrl next(DatabaseUrl old, SecretValue password) {
    return old.withLogin(alternate(old.user()), password);
  }

  @Override
  void apply(StepContext context, DatabaseUrl old, DatabaseUrl next) throws RotationException {
    try (Connection connection = adminOr(old, old.password())) {
      if (exists(connection, next.user())) {
        refuseIfInUse(connection, next.user(), old.user());
      } else {
        execute(connection, "CREATE ROLE " + quote(next.user()) + " LOGIN");
      }
      if (next.user().endsWith(SUFFIX)) {
        execute(connection, "GRANT " + quote(old.user()) + " TO " + quote(next.user()));
      }
      setPassword(connection, next.user(), password(next));
    } catch (SQLException e) {
      throw Logins.classify("setting up role " + next.user(), e);
    }
  }

  /** The clone must have the original's privileges: checked on the test step's own session. */
  @Override
  void tested(StepContext context, DatabaseUrl next, Connection connection)
      throws SQLException, RotationException {
    if (!next.user().endsWith(SUFFIX)) {
      return;
    }
    String original = alternate(next.user());
    try (PreparedStatement query =
        connection.prepareStatement("SELECT pg_has_role(current_user, ?, 'USAGE')")) {
      query.setString(1, original);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next() || !row.getBoolean(1)) {
          throw RotationException.fatal(
              "role "
                  + next.user()
                  + " does not have the privileges of "
                  + original
                  + ": grant "
                  + original
                  + " to it (GRANT "
                  + original
                  + " TO "
                  + next.user()
                  + "), then resume");
        }
      }
    }
  }

  @Override
  void discardOld(StepContext context, DatabaseUrl old, DatabaseUrl current)
      throws RotationException {
    alter(old, old.password(), old.user(), Passwords.generate());
  }

  @Override
  void restore(StepContext context, DatabaseUrl previous, DatabaseUrl current)
      throws RotationException {
    alter(current, current.password(), previous.user(), password(previous));
  }

  private void alter(
      DatabaseUrl as, @Nullable SecretValue asPassword, String role, SecretValue password)
      throws RotationException {
    try (Connection connection = adminOr(as, asPassword)) {
      setPassword(connection, role, password);
    } catch (SQLException e) {
      throw Logins.classify("ALTER ROLE " + role + " PASSWORD", e);
    }
  }

  /** A role that is about to get a new password must not be serving anyone. */
  private static void refuseIfInUse(Connection connection, String role, String old)
      throws SQLException, RotationException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT count(*) FROM pg_stat_activity WHERE usename = ? AND pid <> pg_backend_pid()")) {
      query.setString(1, role);
      try (ResultSet row = query.executeQuery()) {
        if (row.next() && row.getLong(1) > 0) {
          throw RotationException.user(
              "role "
                  + role
                  + ", which takes over from "
                  + old
                  + ", has "
                  + row.getLong(1)
                  + " session(s) logged in: it is in use, so its password must not change; rotate"
                  + " its own URL instead, or use --postgres-strategy single-user");
        }
      }
    }
  }

  private static boolean exists(Connection connection, String role) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
      query.setString(1, role);
      try (ResultSet row = query.executeQuery()) {
        return row.next();
      }
    }
  }

  private static void setPassword(Connection connection, String role, SecretValue password)
      throws SQLException {
    connection
        .unwrap(PGConnection.class)
        .alterUserPassword(role, password.reveal().toCharArray(), null);
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}

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
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Rotates a MySQL or MariaDB account's password with both passwords working in between, so that
 * applications can move over before the old one goes:
 *
 * <ul>
 *   <li>MySQL 8.0.14+: {@code ALTER USER … IDENTIFIED BY … RETAIN CURRENT PASSWORD} at set, {@code
 *       DISCARD OLD PASSWORD} at revoke;
 *   <li>MariaDB, which has no secondary password: two {@code mysql_native_password} rules joined by
 *       {@code OR} at set, the new rule alone at revoke. Hashes are computed here, so the clear
 *       password never reaches the server's logs.
 * </ul>
 *
 * <p>Changing an account's authentication needs the {@code CREATE USER} privilege (or {@code
 * APPLICATION_PASSWORD_ADMIN} for one's own account on MySQL): pass {@code --db-admin-url} when the
 * application's account lacks it.
 */
public final class MysqlPasswordRotator extends PasswordRotator {

  public MysqlPasswordRotator(DatabaseSettings settings) {
    super(settings, new Family("mysql-password", "mysql", DatabaseRules.MYSQL_URL));
  }

  @Override
  String setDescription(DatabaseUrl url) {
    return "add the new password to account "
        + url.describe()
        + ", keeping the old one working (MySQL"
        + " RETAIN CURRENT PASSWORD; MariaDB two password rules)";
  }

  @Override
  String revokeDescription(DatabaseUrl url) {
    return "remove the old password (MySQL DISCARD OLD PASSWORD; MariaDB the new rule alone)";
  }

  @Override
  String currentUserQuery() {
    return "SELECT SUBSTRING_INDEX(CURRENT_USER(), '@', 1)";
  }

  @Override
  public UsageCheck usageCheck(Credential credential) {
    return DatabaseUrl.of(credential)
        .<UsageCheck>map(u -> new MysqlSessions(this, u.user()))
        .orElse(UsageCheck.none("no account name to look for"));
  }

  /** Records the session id of the test's login: sessions with a lower id came before it. */
  @Override
  void tested(StepContext context, DatabaseUrl next, Connection connection)
      throws SQLException, RotationException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT CONNECTION_ID()")) {
      if (row.next() && context.note(MysqlSessions.WATERMARK) == null) {
        context.note(MysqlSessions.WATERMARK, Long.toString(row.getLong(1)));
      }
    }
  }

  /** Records the account's host part and the server flavour before anything changes. */
  @Override
  void prepare(StepContext context, DatabaseUrl old) throws RotationException {
    try (Connection connection = adminOr(old, old.password())) {
      context.note("db_account_host", accountHost(connection, old));
      context.note("db_flavour", mariadb(connection) ? "mariadb" : "mysql");
    } catch (SQLException e) {
      throw Logins.classify("reading the account of " + old.describe(), e);
    }
  }

  @Override
  void apply(StepContext context, DatabaseUrl old, DatabaseUrl next) throws RotationException {
    SecretValue oldPassword = old.password();
    String account = account(context, old);
    if (isMariadb(context)) {
      List<String> rules = new ArrayList<>(List.of(nativeRule(password(next))));
      if (oldPassword != null) {
        rules.add(nativeRule(oldPassword));
      }
      execute(
          old,
          oldPassword,
          "ALTER USER " + account + " IDENTIFIED VIA " + String.join(" OR ", rules));
    } else {
      execute(
          old,
          oldPassword,
          "ALTER USER "
              + account
              + " IDENTIFIED BY "
              + Passwords.literal(password(next).reveal())
              + " RETAIN CURRENT PASSWORD");
    }
  }

  @Override
  void discardOld(StepContext context, DatabaseUrl old, DatabaseUrl current)
      throws RotationException {
    String account = account(context, old);
    String sql =
        isMariadb(context)
            ? "ALTER USER " + account + " IDENTIFIED VIA " + nativeRule(password(current))
            : "ALTER USER " + account + " DISCARD OLD PASSWORD";
    execute(current, current.password(), sql);
  }

  @Override
  void restore(StepContext context, DatabaseUrl previous, DatabaseUrl current)
      throws RotationException {
    String account = account(context, previous);
    String sql =
        isMariadb(context)
            ? "ALTER USER " + account + " IDENTIFIED VIA " + nativeRule(password(previous))
            : "ALTER USER "
                + account
                + " IDENTIFIED BY "
                + Passwords.literal(password(previous).reveal());
    execute(current, current.password(), sql);
  }

  private void execute(DatabaseUrl as, @Nullable SecretValue password, String sql)
      throws RotationException {
    try (Connection connection = adminOr(as, password);
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout((int) settings.timeout().toSeconds());
      statement.execute(sql);
    } catch (SQLException e) {
      throw Logins.classify("ALTER USER for " + as.describe(), e);
    }
  }

  private static String nativeRule(SecretValue password) {
    return "mysql_native_password USING " + Passwords.literal(Passwords.nativeHash(password));
  }

  private static String account(StepContext context, DatabaseUrl url) throws RotationException {
    String host = context.note("db_account_host");
    if (host == null) {
      throw RotationException.fatal("the journal lacks the account host of " + url.describe());
    }
    return Passwords.literal(url.user()) + "@" + Passwords.literal(host);
  }

  private static boolean isMariadb(StepContext context) {
    return "mariadb".equals(context.note("db_flavour"));
  }

  private static boolean mariadb(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT VERSION()")) {
      return row.next() && String.valueOf(row.getString(1)).contains("MariaDB");
    }
  }

  /** The host part of the account: from CURRENT_USER() as itself, or the one row as admin. */
  private String accountHost(Connection connection, DatabaseUrl old)
      throws SQLException, RotationException {
    if (settings.adminFor(old).isEmpty()) {
      try (Statement statement = connection.createStatement();
          ResultSet row = statement.executeQuery("SELECT CURRENT_USER()")) {
        String current = row.next() ? String.valueOf(row.getString(1)) : "";
        return current.substring(current.lastIndexOf('@') + 1);
      }
    }
    try (PreparedStatement query =
        connection.prepareStatement("SELECT host FROM mysql.user WHERE user = ?")) {
      query.setString(1, old.user());
      List<String> hosts = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          hosts.add(rows.getString(1));
        }
      }
      if (hosts.size() != 1) {
        throw RotationException.user(
            "account "
                + old.user()
                + " exists for "
                + hosts.size()
                + " hosts "
                + hosts
                + ": rekey rotates one account; rotate by hand or remove the extra accounts");
      }
      return hosts.getFirst();
    }
  }
}

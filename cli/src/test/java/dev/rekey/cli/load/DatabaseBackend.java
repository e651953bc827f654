package dev.rekey.cli.load;

import dev.rekey.rotators.db.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL or MariaDB query with the {@code DATABASE_URL} of the secret. Each request either
 * logs in afresh ({@link Sessions#PER_REQUEST}: every request proves the credential the store hands
 * out is accepted — stricter than any pool) or runs on one session that stays logged in until the
 * secret changes ({@link Sessions#HELD}: a connection pool, the way an application holds an old
 * credential after a rotation).
 */
public final class DatabaseBackend implements Backend {
  private static final Set<String> REFUSED = Set.of("28P01", "28000");

  /** How the application's sessions live. */
  public enum Sessions {
    PER_REQUEST,
    HELD
  }

  private final String query;
  private final Sessions sessions;
  private @Nullable Connection held;
  private @Nullable String heldUrl;

  /**
   * @param query what each request runs, e.g. a {@code SELECT} on a table granted to the account
   */
  public DatabaseBackend(String query, Sessions sessions) {
    this.query = query;
    this.sessions = sessions;
  }

  @Override
  public Answer use(Map<String, String> secret) throws SQLException {
    String url = Objects.requireNonNull(secret.get("DATABASE_URL"), "no DATABASE_URL");
    if (sessions == Sessions.HELD) {
      return held(url);
    }
    try (Connection connection = login(url)) {
      run(connection);
      return Answer.OK;
    } catch (SQLException e) {
      if (refused(e)) {
        return Answer.REFUSED;
      }
      throw e;
    }
  }

  private synchronized Answer held(String url) throws SQLException {
    Connection connection = held;
    if (connection == null || !url.equals(heldUrl) || !connection.isValid(5)) {
      close();
      try {
        connection = login(url);
      } catch (SQLException e) {
        if (refused(e)) {
          return Answer.REFUSED;
        }
        throw e;
      }
      held = connection;
      heldUrl = url;
    }
    run(connection);
    return Answer.OK;
  }

  private void run(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      if (!rows.next()) {
        throw new SQLException("no row from " + query);
      }
    }
  }

  private static Connection login(String text) throws SQLException {
    DatabaseUrl url =
        DatabaseUrl.parse(text).orElseThrow(() -> new SQLException("not a database URL"));
    Properties properties = new Properties();
    properties.setProperty("user", url.user());
    properties.setProperty("password", Objects.requireNonNull(url.password()).reveal());
    properties.setProperty("connectTimeout", url.family().equals("postgresql") ? "10" : "10000");
    return DriverManager.getConnection(url.jdbcUrl(), properties);
  }

  private static boolean refused(SQLException e) {
    return REFUSED.contains(e.getSQLState()) || e.getErrorCode() == 1045;
  }

  @Override
  public synchronized void close() {
    Connection connection = held;
    held = null;
    heldUrl = null;
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // The session is gone either way.
      }
    }
  }
}

package dev.rekey.rotators.db;

import dev.rekey.detectors.SecretValue;
import dev.rekey.rotators.ErrorClass;
import dev.rekey.rotators.RotationException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Opens database connections with timeouts, credentials in properties (never in the URL, so no
 * driver message can echo them), and classifies failures.
 */
public final class Logins {
  /** SQL states of a refused login: PostgreSQL's invalid password and authorization, MySQL's. */
  private static final Set<String> REFUSED = Set.of("28P01", "28000");

  private final Duration timeout;

  public Logins(Duration timeout) {
    this.timeout = timeout;
  }

  /** Connects as {@code url}'s user with {@code password}. */
  Connection connect(DatabaseUrl url, SecretValue password) throws RotationException {
    refuseUnsafe(url);
    try {
      return DriverManager.getConnection(url.jdbcUrl(), properties(url, password));
    } catch (SQLException e) {
      throw classify("login as " + url.describe(), e);
    }
  }

  /** Whether a login with {@code password} succeeds; false only when the server refuses it. */
  public boolean accepts(DatabaseUrl url, SecretValue password) throws RotationException {
    refuseUnsafe(url);
    try (Connection connection =
        DriverManager.getConnection(url.jdbcUrl(), properties(url, password))) {
      return connection.isValid((int) timeout.toSeconds());
    } catch (SQLException e) {
      if (refused(e)) {
        return false;
      }
      throw classify("login as " + url.describe(), e);
    }
  }

  /** A URL whose parts are not plain names is not handed to a driver at all. */
  private static void refuseUnsafe(DatabaseUrl url) throws RotationException {
    Optional<String> unsafe = url.unsafe();
    if (unsafe.isPresent()) {
      throw RotationException.user(
          "login as "
              + url.describe()
              + ": not tried: "
              + unsafe.get()
              + "; rekey passes nothing else to a database driver");
    }
  }

  private Properties properties(DatabaseUrl url, SecretValue password) {
    Properties properties = new Properties();
    properties.setProperty("user", url.user());
    properties.setProperty("password", password.reveal());
    long seconds = Math.max(1, timeout.toSeconds());
    if (url.family().equals("postgresql")) {
      properties.setProperty("connectTimeout", Long.toString(seconds));
      properties.setProperty("loginTimeout", Long.toString(seconds));
      properties.setProperty("socketTimeout", Long.toString(seconds * 2));
      for (String pair : url.query().split("&")) {
        if (pair.startsWith("sslmode=")) {
          properties.setProperty("sslmode", pair.substring("sslmode=".length()));
        }
      }
    } else {
      properties.setProperty("connectTimeout", Long.toString(seconds * 1000));
      properties.setProperty("socketTimeout", Long.toString(seconds * 2000));
    }
    return properties;
  }

  static boolean refused(SQLException e) {
    return REFUSED.contains(e.getSQLState()) || e.getErrorCode() == 1045;
  }

  /** Connection trouble is retried; a refused login or missing privilege is the user's to fix. */
  static RotationException classify(String what, SQLException e) {
    String state = String.valueOf(e.getSQLState());
    String said = what + ": " + firstLine(e.getMessage());
    if (refused(e)) {
      return new RotationException(
          ErrorClass.USER,
          said + ": the password was refused; check the URL, or pass --db-admin-url",
          e);
    }
    if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("HY")) {
      return new RotationException(
          ErrorClass.RETRYABLE, said + ": check that the server is reachable", e);
    }
    if (state.equals("42501") || state.startsWith("42") || e.getErrorCode() == 1227) {
      return new RotationException(
          ErrorClass.USER,
          said
              + ": the account lacks the privilege; pass --db-admin-url with an account that has it",
          e);
    }
    return new RotationException(ErrorClass.FATAL, said, e);
  }

  private static String firstLine(@org.jspecify.annotations.Nullable String message) {
    if (message == null) {
      return "(no message)";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}

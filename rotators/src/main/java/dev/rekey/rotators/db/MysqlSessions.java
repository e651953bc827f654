package dev.rekey.rotators.db;

import dev.rekey.rotators.StepContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The account's sessions in {@code information_schema.processlist} that may hold the old password.
 * MySQL and MariaDB do not say which of an account's two passwords a session logged in with, but
 * connection ids only grow: the test step records its own id, and the account's sessions with a
 * lower id connected before the new password was even tried. Sessions that log in later with a
 * stale old password are not seen; they are refused once the old password is discarded.
 */
final class MysqlSessions extends SessionCheck {
  static final String WATERMARK = "db_session_watermark";

  private final String user;

  MysqlSessions(PasswordRotator rotator, String user) {
    super(rotator);
    this.user = user;
  }

  @Override
  public String describe() {
    return "sessions of account "
        + user
        + " in information_schema.processlist that logged in before the new password";
  }

  @Override
  String query() {
    return "SELECT COUNT(*), GROUP_CONCAT(DISTINCT SUBSTRING_INDEX(HOST, ':', 1))"
        + " FROM information_schema.PROCESSLIST"
        + " WHERE USER = ? AND ID <> CONNECTION_ID() AND ID < ?";
  }

  @Override
  Optional<String> bind(PreparedStatement query, StepContext context) throws SQLException {
    String watermark = context.note(WATERMARK);
    if (watermark == null) {
      return Optional.of("the run did not record which sessions came before the new password");
    }
    query.setString(1, user);
    query.setLong(2, Long.parseLong(watermark));
    return Optional.empty();
  }

  @Override
  String inUse(ResultSet row) throws SQLException {
    return row.getLong(1)
        + " session(s) of account "
        + user
        + " from before the new password logged in (from "
        + row.getString(2)
        + ")";
  }

  @Override
  String idle() {
    return "no session of account " + user + " from before the new password is logged in";
  }

  @Override
  String view() {
    return "information_schema.processlist";
  }
}

package dev.rekey.rotators.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The sessions of the old PostgreSQL role in {@code pg_stat_activity}: in use while any session
 * other than rekey's own is logged in as it.
 */
final class PostgresSessions extends SessionCheck {
  private final String role;

  PostgresSessions(PasswordRotator rotator, String role) {
    super(rotator);
    this.role = role;
  }

  @Override
  public String describe() {
    return "sessions of role " + role + " in pg_stat_activity";
  }

  @Override
  String query() {
    return "SELECT count(*), min(backend_start),"
        + " string_agg(DISTINCT coalesce(host(client_addr), 'local socket'), ', ')"
        + " FROM pg_stat_activity WHERE usename = ? AND pid <> pg_backend_pid()";
  }

  @Override
  Optional<String> bind(PreparedStatement query, dev.rekey.rotators.StepContext context)
      throws SQLException {
    query.setString(1, role);
    return Optional.empty();
  }

  @Override
  String inUse(ResultSet row) throws SQLException {
    return row.getLong(1)
        + " session(s) of role "
        + role
        + " logged in (from "
        + row.getString(3)
        + ", the oldest since "
        + row.getTimestamp(2).toInstant()
        + ")";
  }

  @Override
  String idle() {
    return "no session of role " + role + " is logged in";
  }

  @Override
  String view() {
    return "pg_stat_activity";
  }
}

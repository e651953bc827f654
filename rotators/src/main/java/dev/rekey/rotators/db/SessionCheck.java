package dev.rekey.rotators.db;

import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.SecretPayload;
import dev.rekey.rotators.StepContext;
import dev.rekey.rotators.Usage;
import dev.rekey.rotators.UsageCheck;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * A look at the database's own list of sessions for those holding the old credential, logged in as
 * the admin account or else with the new credential. Short requests come and go, so the list is
 * sampled a few times over a second; a connection pool holding the old credential shows at every
 * sample.
 */
abstract class SessionCheck implements UsageCheck {
  private static final int SAMPLES = 5;
  private static final long SAMPLE_MILLIS = 200;

  private final PasswordRotator rotator;

  SessionCheck(PasswordRotator rotator) {
    this.rotator = rotator;
  }

  /** The query; its first column counts the sessions holding the old credential. */
  abstract String query();

  /** Binds the query's parameters; empty means the check cannot tell, and why. */
  abstract Optional<String> bind(PreparedStatement query, StepContext context) throws SQLException;

  /** The evidence, from a row that counted sessions. */
  abstract String inUse(ResultSet row) throws SQLException;

  /** The evidence when no sample counted any. */
  abstract String idle();

  /** The view's name, for errors. */
  abstract String view();

  @Override
  public Usage look(StepContext context, SecretPayload current, Instant currentSince)
      throws RotationException {
    DatabaseUrl now = PasswordRotator.url(current);
    try (Connection connection = rotator.adminOr(now, now.password());
        PreparedStatement query = connection.prepareStatement(query())) {
      Optional<String> cannot = bind(query, context);
      if (cannot.isPresent()) {
        return new Usage.Unknown(cannot.get());
      }
      for (int sample = 0; sample < SAMPLES; sample++) {
        try (ResultSet row = query.executeQuery()) {
          if (row.next() && row.getLong(1) > 0) {
            return new Usage.InUse(inUse(row));
          }
        }
        pause();
      }
      return new Usage.Idle(idle());
    } catch (SQLException e) {
      throw Logins.classify("reading " + view(), e);
    }
  }

  private static void pause() throws RotationException {
    try {
      Thread.sleep(SAMPLE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RotationException.fatal("interrupted while looking at the database's sessions");
    }
  }
}

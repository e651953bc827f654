package dev.rekey.cli.load;

import java.util.Map;

/**
 * What one request of the application does with its credential: a query on the database, a call to
 * AWS or to a provider's API.
 */
public interface Backend extends AutoCloseable {

  /** How the backend answered the credential. */
  enum Answer {
    /** The work was done. */
    OK,
    /** The credential was refused (a wrong password, an unknown or revoked key). */
    REFUSED
  }

  /**
   * Does one request's work with {@code secret}; throws when it failed for another reason (a
   * missing privilege, a broken connection), which counts as a failed request.
   */
  Answer use(Map<String, String> secret) throws Exception;

  @Override
  default void close() {}
}

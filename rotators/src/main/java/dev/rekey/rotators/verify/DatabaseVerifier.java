package dev.rekey.rotators.verify;

import dev.rekey.detectors.Provider;
import dev.rekey.detectors.SecretValue;
import dev.rekey.rotators.Credential;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.db.DatabaseUrl;
import dev.rekey.rotators.db.Logins;
import dev.rekey.scanner.model.Verified;
import java.util.Optional;

/**
 * PostgreSQL and MySQL/MariaDB URLs: one login attempt with a short timeout, to the URL's own host.
 * It reaches the user's servers rather than a provider, so scans run it only with {@code
 * --verify-network}.
 */
public final class DatabaseVerifier extends ProviderVerifier {

  /** Checks the URLs {@code ruleId} finds, which {@code provider}'s servers accept. */
  public DatabaseVerifier(Provider provider, String ruleId) {
    super(provider, ruleId);
  }

  @Override
  public boolean reachesUserHosts() {
    return true;
  }

  @Override
  public Verified verify(Credential credential, VerifyContext context) throws RotationException {
    Optional<DatabaseUrl> url = DatabaseUrl.of(credential);
    SecretValue password = url.map(DatabaseUrl::password).orElse(null);
    if (url.isEmpty() || password == null) {
      return Verified.unknown("the URL carries no password to try");
    }
    Optional<String> unsafe = url.get().unsafe();
    if (unsafe.isPresent()) {
      return Verified.unknown("not checked: " + unsafe.get());
    }
    Logins logins = new Logins(context.timeout());
    String who = url.get().describe();
    return logins.accepts(url.get(), password)
        ? Verified.live("a login as " + who + " succeeded")
        : Verified.revoked("the server refused the password of " + who);
  }
}

package dev.rekey.rotators.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.detectors.rules.DatabaseRules;
import dev.rekey.detectors.rules.ProviderCatalog;
import dev.rekey.rotators.http.ProviderClient;
import dev.rekey.rotators.http.ProviderUrls;
import dev.rekey.rotators.testing.Credentials;
import dev.rekey.scanner.model.Verified;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

/** Issue 11, item 6: a database URL that could set driver options is never tried. */
class DatabaseVerifierTest {
  @Test
  void neverConnectsWithAUrlWhoseNameIsNoPlainIdentifier() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      listener.setSoTimeout(500);
      String text =
          "postgres://app:pw@127.0.0.1:" + listener.getLocalPort() + "/prod%3FsocketTimeout%3D0";
      Verified answer =
          new DatabaseVerifier(ProviderCatalog.POSTGRESQL, DatabaseRules.POSTGRES_URL)
              .verify(
                  Credentials.of("database.postgres-url", text),
                  new VerifyContext(ProviderUrls.defaults(), ProviderClient.standard()));
      assertThat(answer.status()).isEqualTo(Verified.Status.UNKNOWN);
      assertThat(answer.reason()).contains("not a plain identifier");
      assertThatThrownBy(listener::accept).isInstanceOf(SocketTimeoutException.class);
    }
  }
}

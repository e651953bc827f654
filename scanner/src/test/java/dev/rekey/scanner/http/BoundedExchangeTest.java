package dev.rekey.scanner.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 11, item 5: a time limit covers the whole exchange, body included, and a size cap. */
class BoundedExchangeTest {
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext(
        "/trickle",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 60; i++) {
              out.write('x');
              out.flush();
              Thread.sleep(1000);
            }
          } catch (InterruptedException | IOException e) {
            // the client hung up: the point
          }
        });
    server.createContext(
        "/big",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(new byte[64 * 1024]);
          } catch (IOException e) {
            // the client hung up
          }
        });
    server.createContext(
        "/ok",
        exchange -> {
          byte[] body = "fine".getBytes();
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
        .build();
  }

  @Test
  void aTricklingBodyIsCutAtTheDeadline() {
    HttpClient client = HttpClient.newHttpClient();
    long start = System.nanoTime();
    assertThatThrownBy(
            () -> BoundedExchange.send(client, get("/trickle"), Duration.ofSeconds(2), 1 << 20))
        .isInstanceOf(HttpTimeoutException.class)
        .hasMessageContaining("no complete answer within 2 s");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
  }

  @Test
  void aBodyPastTheSizeLimitIsCut() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    assertThatThrownBy(
            () -> BoundedExchange.send(client, get("/big"), Duration.ofSeconds(10), 1024))
        .isInstanceOf(BoundedExchange.TooLarge.class);
    BoundedExchange.Answer ok =
        BoundedExchange.send(client, get("/ok"), Duration.ofSeconds(10), 1024);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(new String(ok.body())).isEqualTo("fine");
  }
}

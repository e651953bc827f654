package dev.rekey.scanner.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.model.ScanResult;
import dev.rekey.scanner.pipeline.ScanSettings;
import dev.rekey.scanner.pipeline.SourceException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, items 5 and 11: a deployed site is hostile too. A body trickled a byte a second is cut
 * at the request's deadline, and a redirect to another origin is not followed (nor reported as the
 * page it led to).
 */
class HostileSiteTest {
  private final Queue<String> otherRequests = new ConcurrentLinkedQueue<>();
  private HttpServer site;
  private HttpServer other;

  @BeforeEach
  void start() throws IOException {
    other = server();
    other.createContext(
        "/",
        exchange -> {
          otherRequests.add(exchange.getRequestURI().getPath());
          reply(exchange, 200, "const k=\"" + Keys.OPENAI + "\";");
        });
    site = server();
    site.createContext(
        "/away", exchange -> redirect(exchange, "http://127.0.0.1:" + port(other) + "/x.js"));
    site.createContext("/here", exchange -> redirect(exchange, "/page"));
    site.createContext(
        "/page",
        exchange ->
            reply(
                exchange,
                200,
                "<script src=\"/slow.js\"></script><script>const s=\""
                    + Keys.STRIPE
                    + "\"</script>"));
    site.createContext(
        "/slow.js",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 120; i++) {
              out.write(' ');
              out.flush();
              Thread.sleep(1000);
            }
          } catch (IOException | InterruptedException e) {
            // the client gave up: the point
          }
        });
    other.start();
    site.start();
  }

  @AfterEach
  void stop() {
    site.stop(0);
    other.stop(0);
  }

  private static HttpServer server() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    return server;
  }

  private static int port(HttpServer server) {
    return server.getAddress().getPort();
  }

  private static void redirect(com.sun.net.httpserver.HttpExchange exchange, String to)
      throws IOException {
    exchange.getResponseHeaders().add("Location", to);
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  private static void reply(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private ScanResult scan(String path, SiteLimits limits) throws SourceException {
    URI page = URI.create("http://127.0.0.1:" + port(site) + path);
    return Keys.scan(new SiteSource(page, ScanSettings.defaults(), limits));
  }

  @Test
  void aRedirectToAnotherOriginIsNotFollowed() {
    assertThatThrownBy(() -> scan("/away", SiteLimits.defaults()))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("redirected to http://127.0.0.1:" + port(other) + "/x.js")
        .hasMessageContaining("another origin: not followed");
    assertThat(otherRequests).isEmpty();
  }

  @Test
  void aTricklingResourceIsCutAtItsDeadlineAndTheRestIsScanned() throws Exception {
    // A request limit of 5 s leaves the page's own requests room on a loaded machine; unbounded,
    // the trickled script alone would take 120 s.
    long start = System.nanoTime();
    ScanResult result =
        scan("/here", new SiteLimits(20, 1 << 20, Duration.ofSeconds(60), Duration.ofSeconds(5)));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(40));
    assertThat(result.findings()).extracting(f -> f.rule().id()).contains("stripe.secret-key");
    assertThat(result.problems())
        .extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).contains("timed out"));
  }
}

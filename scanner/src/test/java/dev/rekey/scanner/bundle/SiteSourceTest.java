package dev.rekey.scanner.bundle;

import static dev.rekey.scanner.bundle.Keys.at;
import static dev.rekey.scanner.bundle.Keys.finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.rekey.scanner.model.Exposure;
import dev.rekey.scanner.model.OriginalPosition;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.model.ScanResult;
import dev.rekey.scanner.pipeline.ScanSettings;
import dev.rekey.scanner.pipeline.SourceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A site served on loopback by the JDK's HTTP server. */
class SiteSourceTest {
  private final Map<String, String> files = new ConcurrentHashMap<>();
  private final Map<String, String> sourceMapHeaders = new ConcurrentHashMap<>();
  private final Queue<String> requests = new ConcurrentLinkedQueue<>();
  private final Queue<String> otherRequests = new ConcurrentLinkedQueue<>();
  private HttpServer site;
  private HttpServer other;

  @BeforeEach
  void start() throws IOException {
    site = serve(files, requests);
    other = serve(Map.of("/x.js", "const k=\"" + Keys.OPENAI + "\";"), otherRequests);
  }

  @AfterEach
  void stop() {
    site.stop(0);
    other.stop(0);
  }

  private HttpServer serve(Map<String, String> content, Queue<String> log) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          log.add(path);
          String body = content.get(path.equals("/") ? "/index.html" : path);
          String header = sourceMapHeaders.get(path);
          if (header != null) {
            exchange.getResponseHeaders().add("SourceMap", header);
          }
          byte[] bytes = (body == null ? "not found" : body).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    return server;
  }

  private URI url(HttpServer server, String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private ScanResult scan(SiteLimits limits) throws SourceException {
    return Keys.scan(new SiteSource(url(site, "/"), ScanSettings.defaults(), limits));
  }

  private void serveApp() {
    files.put(
        "/index.html",
        "<!doctype html><html><head>"
            + "<script type=\"module\" crossorigin src=\"/assets/app.js\"></script>"
            + "<link rel=\"modulepreload\" href=\"/assets/vendor.js\">"
            + "<link rel=stylesheet href='assets/app.css'>"
            + "<script src=\""
            + url(other, "/x.js")
            + "\"></script>"
            + "<script src=\"/assets/missing.js\"></script>"
            + "</head><body><script>window.env={a:1}</script></body></html>");
    files.put("/assets/app.js", "import(\"./lazy.js\");const s=\"" + Keys.STRIPE + "\";");
    sourceMapHeaders.put("/assets/app.js", "/maps/app.js.map");
    files.put(
        "/maps/app.js.map",
        Keys.map(
            List.of("../src/pay.js"), List.of(), new MapWriter().map(0, 29, 0, 11, 6).mappings()));
    files.put("/assets/vendor.js", "export const v=1;\n//# sourceMappingURL=vendor.js.map");
    files.put("/assets/app.css", "body{color:red}");
    files.put("/assets/lazy.js", "const k=\"" + Keys.ANTHROPIC + "\";");
  }

  @Test
  void followsLinksChunksAndSourceMapsOnTheSameOriginOnly() throws Exception {
    serveApp();

    ScanResult result = scan(SiteLimits.defaults());

    var stripe = at(finding(result, "stripe.secret-key"), url(site, "/assets/app.js").toString());
    assertThat(stripe.exposure()).isEqualTo(Exposure.PUBLIC);
    assertThat(stripe.original()).isEqualTo(new OriginalPosition("src/pay.js", 12, 7));
    assertThat(finding(result, "anthropic.api-key").primary().provenance().path())
        .isEqualTo(url(site, "/assets/lazy.js").toString());
    assertThat(result.findings()).noneMatch(f -> f.rule().id().equals("openai.api-key"));
    assertThat(otherRequests).as("nothing fetched from another origin").isEmpty();
    assertThat(requests)
        .contains("/", "/assets/app.js", "/maps/app.js.map", "/assets/vendor.js", "/assets/app.css")
        .doesNotHaveDuplicates();
    assertThat(result.problems())
        .extracting(Problem::message)
        .contains(
            "1 linked resources on other origins not fetched (same origin only)",
            "not scanned: the server answered HTTP 404");
    assertThat(result.incomplete()).isFalse();
  }

  @Test
  void stopsAtTheRequestLimitAndSaysSo() throws Exception {
    serveApp();

    ScanResult result =
        scan(new SiteLimits(2, 1 << 20, Duration.ofSeconds(30), Duration.ofSeconds(5)));

    assertThat(requests).hasSize(2);
    assertThat(result.problems())
        .anySatisfy(p -> assertThat(p.message()).contains("the limit of 2 requests was reached"));
  }

  @Test
  void aPageThatCannotBeFetchedFailsTheSource() {
    assertThatThrownBy(() -> scan(SiteLimits.defaults()))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("HTTP 404");
    site.stop(0);
    assertThatThrownBy(() -> scan(SiteLimits.defaults()))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("cannot fetch");
  }

  /** Regression, issue 13: Next.js's server drops a plain-http request asking to upgrade to h2c. */
  @Test
  void speaksHttp11OnPlainHttpWithoutAskingToUpgrade() throws Exception {
    String page = "<html><script>const k=\"" + Keys.STRIPE + "\";</script></html>";
    Queue<String> heads = new ConcurrentLinkedQueue<>();
    try (ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
      Thread.ofPlatform().daemon().start(() -> answerUnlessUpgrade(server, page, heads));
      URI url = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");

      ScanResult result =
          Keys.scan(new SiteSource(url, ScanSettings.defaults(), SiteLimits.defaults()));

      assertThat(finding(result, "stripe.secret-key").exposure()).isEqualTo(Exposure.PUBLIC);
      assertThat(heads).allSatisfy(head -> assertThat(head).startsWith("GET / HTTP/1.1"));
    }
  }

  /** Answers each request with {@code page}, but closes the connection on an upgrade request. */
  private static void answerUnlessUpgrade(ServerSocket server, String page, Queue<String> heads) {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        String head = readHead(socket.getInputStream());
        heads.add(head);
        if (head.toLowerCase(Locale.ROOT).contains("\nupgrade:")) {
          continue;
        }
        byte[] body = page.getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(
            ("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n"
                    + "Content-Length: "
                    + body.length
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body);
      } catch (IOException e) {
        return; // closed by the test
      }
    }
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    for (int b = in.read(); b >= 0; b = in.read()) {
      head.append((char) b);
      if (head.toString().endsWith("\r\n\r\n")) {
        break;
      }
    }
    return head.toString();
  }
}

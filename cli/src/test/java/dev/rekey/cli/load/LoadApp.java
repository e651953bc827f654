package dev.rekey.cli.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The application under load: an HTTP server on loopback whose every request to {@code /use/NAME}
 * takes stream NAME's credential from its {@link SecretCache} and does its work with it on the
 * stream's {@link Backend}. When the backend refuses the credential, the application re-reads the
 * secret and tries once more, as applications built on AWS's secret-caching clients do; a request
 * that still cannot do its work answers 503 (refused) or 500 (anything else).
 */
public final class LoadApp implements AutoCloseable {

  /** One credential the application uses: where it reads it, and what it does with it. */
  public record Stream(SecretCache cache, Backend backend) {}

  /** Header saying the first attempt was refused and the re-read value worked. */
  static final String REREAD = "X-Reread";

  static final int WORKERS = 16;

  private final Map<String, Stream> streams;
  private final Map<String, HttpServer> servers = new LinkedHashMap<>();
  private final List<ExecutorService> workers = new ArrayList<>();

  private LoadApp(Map<String, Stream> streams) throws IOException {
    this.streams = Collections.unmodifiableMap(new LinkedHashMap<>(streams));
    for (String name : streams.keySet()) {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      // A fixed set of workers per credential, as an application server has: a slow backend makes
      // its requests queue (and show as gaps) instead of opening ever more connections to it, and
      // does not hold up the others.
      ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
      workers.add(pool);
      server.setExecutor(pool);
      server.createContext("/use/", this::serve);
      server.start();
      servers.put(name, server);
    }
  }

  public static LoadApp start(Map<String, Stream> streams) throws IOException {
    return new LoadApp(new LinkedHashMap<>(streams));
  }

  /** The URL of stream {@code name}'s requests. */
  URI uri(String name) {
    HttpServer server = servers.get(name);
    if (server == null) {
      throw new IllegalArgumentException("no stream " + name);
    }
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/use/" + name);
  }

  /** The streams' names, in the order given. */
  List<String> names() {
    return List.copyOf(streams.keySet());
  }

  public Stream stream(String name) {
    Stream stream = streams.get(name);
    if (stream == null) {
      throw new IllegalArgumentException("no stream " + name);
    }
    return stream;
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String name = exchange.getRequestURI().getPath().substring("/use/".length());
      Stream stream = streams.get(name);
      if (stream == null) {
        answer(exchange, 404, "no stream " + name);
        return;
      }
      try {
        Backend.Answer first = stream.backend().use(stream.cache().get());
        if (first == Backend.Answer.OK) {
          answer(exchange, 200, "ok");
          return;
        }
        Backend.Answer second = stream.backend().use(stream.cache().refresh());
        exchange.getResponseHeaders().add(REREAD, "1");
        answer(
            exchange,
            second == Backend.Answer.OK ? 200 : 503,
            second == Backend.Answer.OK ? "ok after re-reading" : "refused after re-reading");
      } catch (Exception e) {
        // Driver messages never carry the credential: properties hold it, not the URL.
        answer(exchange, 500, e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
  }

  private static void answer(HttpExchange exchange, int status, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    servers.values().forEach(s -> s.stop(0));
    workers.forEach(ExecutorService::shutdownNow);
    streams.values().forEach(s -> s.backend().close());
  }
}

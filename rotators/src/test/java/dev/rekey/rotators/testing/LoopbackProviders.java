package dev.rekey.rotators.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rekey.rotators.http.ProviderUrls;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP server on loopback carrying every fake provider under its own prefix ({@code
 * http://127.0.0.1:PORT/openai/v1/models}), with queued faults (any status, headers and delay) to
 * inject 429s, 5xx and timeouts, and a record of every request.
 */
public final class LoopbackProviders implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, FakeProvider> providers = new LinkedHashMap<>();
  private final Map<String, Deque<Reply>> faults = new ConcurrentHashMap<>();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final Map<String, java.util.concurrent.atomic.AtomicInteger> inFlight =
      new ConcurrentHashMap<>();
  private final Map<String, Integer> maxInFlight = new ConcurrentHashMap<>();

  /** A request as received, with the provider it went to. */
  public record Recorded(String provider, Call call) {}

  private LoopbackProviders(List<FakeProvider> fakes) throws IOException {
    fakes.forEach(f -> providers.put(f.name(), f));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::serve);
    server.start();
  }

  public static LoopbackProviders start(FakeProvider... fakes) throws IOException {
    return new LoopbackProviders(List.of(fakes));
  }

  /** The base URL overrides that point each fake provider's name here. */
  public Map<String, String> urlOverrides() {
    Map<String, String> urls = new TreeMap<>();
    for (String name : providers.keySet()) {
      urls.put(name, base(name));
    }
    return urls;
  }

  public ProviderUrls urls() {
    return ProviderUrls.of(urlOverrides());
  }

  public String base(String provider) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + provider;
  }

  /** The next request to {@code provider} gets {@code reply} instead of the fake's answer. */
  public void failNext(String provider, Reply reply) {
    faults.computeIfAbsent(provider, p -> new ArrayDeque<>()).add(reply);
  }

  /** Every request to {@code provider} so far. */
  public List<Call> calls(String provider) {
    return requests.stream()
        .filter(r -> r.provider().equals(provider))
        .map(Recorded::call)
        .toList();
  }

  /** The most requests to {@code provider} that were in flight at once. */
  public int maxInFlight(String provider) {
    return maxInFlight.getOrDefault(provider, 0);
  }

  public List<Recorded> requests() {
    return List.copyOf(requests);
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      int slash = path.indexOf('/', 1);
      String name = slash < 0 ? path.substring(1) : path.substring(1, slash);
      FakeProvider provider = providers.get(name);
      String rest = slash < 0 ? "/" : path.substring(slash);
      if (provider == null && providers.containsKey("aws")) {
        // The AWS SDK drops an endpoint's path: its requests arrive at the root.
        name = "aws";
        provider = providers.get(name);
        rest = path;
      }
      Call call = call(exchange, rest);
      requests.add(new Recorded(name, call));
      var counter =
          inFlight.computeIfAbsent(name, n -> new java.util.concurrent.atomic.AtomicInteger());
      maxInFlight.merge(name, counter.incrementAndGet(), Math::max);
      try {
        Reply reply = answer(name, provider, call);
        send(exchange, reply);
      } finally {
        counter.decrementAndGet();
      }
    }
  }

  /** A queued fault, else the fake's answer, else 404 (no fake by that name: a fault-only one). */
  private Reply answer(String name, @Nullable FakeProvider provider, Call call) {
    Deque<Reply> queued = faults.get(name);
    Reply fault = queued == null ? null : queued.poll();
    if (fault != null) {
      return fault;
    }
    if (provider == null) {
      return Reply.empty(404);
    }
    synchronized (provider) {
      return provider.handle(call);
    }
  }

  private static Call call(HttpExchange exchange, String path) throws IOException {
    Map<String, List<String>> headers = new TreeMap<>();
    exchange
        .getRequestHeaders()
        .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), new ArrayList<>(v)));
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    return new Call(
        exchange.getRequestMethod(),
        java.net.URLDecoder.decode(path, StandardCharsets.UTF_8),
        Call.parseQuery(exchange.getRequestURI().getRawQuery()),
        headers,
        body);
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException {
    if (reply.delayMillis() > 0) {
      try {
        Thread.sleep(reply.delayMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
    if (reply.trickleMillis() > 0) {
      trickle(exchange, reply, body);
      return;
    }
    boolean noBody = body.length == 0 || reply.status() == 204;
    exchange.sendResponseHeaders(reply.status(), noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static void trickle(HttpExchange exchange, Reply reply, byte[] body) throws IOException {
    exchange.sendResponseHeaders(reply.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      for (byte b : body) {
        out.write(b);
        out.flush();
        Thread.sleep(reply.trickleMillis());
      }
    } catch (IOException e) {
      // The client hung up before the end, which is what a trickle tests.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

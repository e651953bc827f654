package dev.rekey.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code next start} of a built Next.js app on loopback, as a user runs it, stopped (with
 * whatever it started) on close.
 *
 * @param process the server
 * @param url its address, {@code http://127.0.0.1:PORT}
 * @param log where it writes, shown when it does not come up
 */
record NextServer(Process process, String url, Path log) implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(90);

  /** Starts the app built in {@code app} and waits until its page answers. */
  static NextServer start(Path app) throws IOException, InterruptedException {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    Path log = Files.createTempFile("next-start", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                "node",
                "node_modules/next/dist/bin/next",
                "start",
                "-H",
                "127.0.0.1",
                "-p",
                String.valueOf(port))
            .directory(app.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("NEXT_TELEMETRY_DISABLED", "1");
    NextServer server = new NextServer(builder.start(), "http://127.0.0.1:" + port, log);
    try {
      server.awaitPage();
    } catch (IOException | InterruptedException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private void awaitPage() throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        HttpRequest request =
            HttpRequest.newBuilder(URI.create(url + "/")).timeout(Duration.ofSeconds(5)).build();
        if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        "next start did not serve "
            + url
            + " within "
            + STARTUP.toSeconds()
            + " s:\n"
            + Files.readString(log, StandardCharsets.UTF_8));
  }

  @Override
  public void close() throws IOException, InterruptedException {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    Files.deleteIfExists(log);
  }
}

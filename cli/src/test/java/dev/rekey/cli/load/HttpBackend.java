package dev.rekey.cli.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * A call to a provider's API (a loopback server speaking its contract) authenticated with the
 * secret: 2xx works, 401 or 403 is a refused key, anything else a failure.
 */
public final class HttpBackend implements Backend {
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Function<Map<String, String>, HttpRequest> request;

  /**
   * @param request the request one application request makes, built from the secret's values
   */
  public HttpBackend(Function<Map<String, String>, HttpRequest> request) {
    this.request = request;
  }

  @Override
  public Answer use(Map<String, String> secret) throws IOException, InterruptedException {
    HttpRequest call = request.apply(secret);
    int status = client.send(call, HttpResponse.BodyHandlers.discarding()).statusCode();
    if (status / 100 == 2) {
      return Answer.OK;
    }
    if (status == 401 || status == 403) {
      return Answer.REFUSED;
    }
    throw new IOException(call.method() + " " + call.uri().getPath() + ": HTTP " + status);
  }

  @Override
  public void close() {
    client.close();
  }
}

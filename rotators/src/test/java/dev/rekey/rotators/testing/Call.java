package dev.rekey.rotators.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;

/**
 * One request a loopback provider received.
 *
 * @param method the HTTP method
 * @param path the path after the provider's prefix, e.g. {@code /v1/models}
 * @param query the decoded query parameters (first value of each)
 * @param headers request headers, lower-case names
 * @param body the body as text
 */
public record Call(
    String method,
    String path,
    Map<String, String> query,
    Map<String, List<String>> headers,
    String body) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public @Nullable String header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.getFirst();
  }

  /** The bearer token, or null. */
  public @Nullable String bearer() {
    String auth = header("authorization");
    return auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
  }

  /** The HTTP Basic user and password, or null. */
  public String @Nullable [] basic() {
    String auth = header("authorization");
    if (auth == null || !auth.startsWith("Basic ")) {
      return null;
    }
    String pair = new String(Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8);
    int colon = pair.indexOf(':');
    return colon < 0 ? null : new String[] {pair.substring(0, colon), pair.substring(colon + 1)};
  }

  public JsonNode json() {
    try {
      JsonNode node = JSON.readTree(body);
      return node == null ? MissingNode.getInstance() : node;
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }

  /** The fields of a form body. */
  public Map<String, String> form() {
    return parseQuery(body);
  }

  /** Whether the path matches, binding groups into {@code matcher}. */
  public boolean is(String method, Matcher matcher) {
    return this.method.equals(method) && matcher.matches();
  }

  static Map<String, String> parseQuery(@Nullable String query) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (query == null || query.isEmpty()) {
      return fields;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      fields.putIfAbsent(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return fields;
  }
}

package dev.rekey.rotators.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A loopback provider's answer.
 *
 * @param status the HTTP status
 * @param headers response headers
 * @param body the body
 * @param delayMillis how long to wait before answering (timeouts in tests)
 * @param trickleMillis how long to wait between the bytes of the body, once the headers are sent (a
 *     server that holds a client by trickling its answer), or 0
 */
public record Reply(
    int status, Map<String, String> headers, String body, long delayMillis, long trickleMillis) {
  static final ObjectMapper JSON = new ObjectMapper();

  public static Reply json(int status, Object body) {
    String text;
    try {
      text = body instanceof String s ? s : JSON.writeValueAsString(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
    return new Reply(status, Map.of("Content-Type", "application/json"), text, 0, 0);
  }

  public static Reply empty(int status) {
    return new Reply(status, Map.of(), "", 0, 0);
  }

  public static Reply xml(int status, String body) {
    return new Reply(status, Map.of("Content-Type", "text/xml"), body, 0, 0);
  }

  public static ObjectNode object() {
    return JSON.createObjectNode();
  }

  public Reply withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Reply(status, more, body, delayMillis, trickleMillis);
  }

  public Reply delayed(long millis) {
    return new Reply(status, headers, body, millis, trickleMillis);
  }

  /** This reply with its body sent one byte every {@code millis} after the headers. */
  public Reply trickled(long millis) {
    return new Reply(status, headers, body, delayMillis, millis);
  }
}

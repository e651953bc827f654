package dev.rekey.rotators.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Anthropic: {@code GET /v1/models} with {@code x-api-key} and {@code anthropic-version}; the Admin
 * API lists keys with {@code partial_key_hint} (paginated by {@code after_id}) and updates their
 * {@code status}; errors are {@code {"type":"error","error":{…}}}.
 */
public final class FakeAnthropic implements FakeProvider {
  private static final Pattern KEY = Pattern.compile("/v1/organizations/api_keys/([^/]+)");

  public final KeyBook keys = new KeyBook();
  public final String adminKey = "sk-ant-admin01-" + KeyBook.random(80) + "-AAAA";

  @Override
  public String name() {
    return "anthropic";
  }

  public KeyBook.Key addKey() {
    String value = "sk-ant-api03-" + KeyBook.random(93) + "AA";
    KeyBook.Key key = keys.add("apikey_" + KeyBook.random(24), value, "Developer Key");
    key.extra.put("status", "active");
    return key;
  }

  @Override
  public Reply handle(Call call) {
    if (call.header("anthropic-version") == null) {
      return error(400, "invalid_request_error", "anthropic-version header is required");
    }
    String key = call.header("x-api-key");
    if (call.path().equals("/v1/models")) {
      return keys.live(key)
          ? Reply.json(
              200,
              "{\"data\":[{\"type\":\"model\",\"id\":\"claude-sonnet-4-5\",\"display_name\":\"Claude\",\"created_at\":\"2025-01-01T00:00:00Z\"}],\"has_more\":false,\"first_id\":\"claude-sonnet-4-5\",\"last_id\":\"claude-sonnet-4-5\"}")
          : error(401, "authentication_error", "invalid x-api-key");
    }
    if (!adminKey.equals(key)) {
      return error(401, "authentication_error", "invalid x-api-key");
    }
    Matcher one = KEY.matcher(call.path());
    if (call.method().equals("GET") && call.path().equals("/v1/organizations/api_keys")) {
      return list(call);
    }
    if (call.is("POST", one)) {
      return keys.byId(one.group(1))
          .map(
              k -> {
                String status = call.json().path("status").asText(k.extra.get("status"));
                k.extra.put("status", status);
                k.live = status.equals("active");
                return Reply.json(200, describe(k));
              })
          .orElse(error(404, "not_found_error", "api key not found"));
    }
    return error(404, "not_found_error", "not found");
  }

  private Reply list(Call call) {
    List<KeyBook.Key> all = keys.all();
    int limit = Integer.parseInt(call.query().getOrDefault("limit", "20"));
    List<KeyBook.Key> page = KeyBook.page(all, k -> k.id, call.query().get("after_id"), limit);
    ObjectNode body = Reply.object();
    ArrayNode data = body.putArray("data");
    page.forEach(k -> data.add(describe(k)));
    body.put("has_more", !page.isEmpty() && page.getLast() != all.getLast());
    body.put("first_id", page.isEmpty() ? null : page.getFirst().id);
    body.put("last_id", page.isEmpty() ? null : page.getLast().id);
    return Reply.json(200, body);
  }

  private static ObjectNode describe(KeyBook.Key key) {
    ObjectNode node = Reply.object().put("type", "api_key").put("id", key.id).put("name", key.name);
    node.put("created_at", "2024-10-30T23:58:27.427722Z").putNull("expires_at");
    node.put(
        "partial_key_hint",
        key.secret.substring(0, 16) + "..." + key.secret.substring(key.secret.length() - 4));
    node.put("status", key.extra.get("status")).put("workspace_id", "wrkspc_01");
    return node;
  }

  static Reply error(int status, String type, String message) {
    ObjectNode body = Reply.object().put("type", "error");
    body.putObject("error").put("type", type).put("message", message);
    return Reply.json(status, body).withHeader("request-id", "req_" + KeyBook.random(12));
  }
}

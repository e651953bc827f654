package dev.rekey.rotators.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SendGrid v3: {@code GET /v3/scopes}; API keys listed with names and ids only, created (201, the
 * key shown once), fetched with scopes and deleted (204); keys are {@code SG.<id>.<secret>}; {@code
 * X-RateLimit-*} headers; 401 as {@code {"errors":[…]}}.
 */
public final class FakeSendGrid implements FakeProvider {
  private static final Pattern KEY = Pattern.compile("/v3/api_keys/([^/]+)");

  public final KeyBook keys = new KeyBook();

  @Override
  public String name() {
    return "sendgrid";
  }

  public KeyBook.Key addKey(String name) {
    String id = KeyBook.random(22);
    KeyBook.Key key = keys.add(id, "SG." + id + "." + KeyBook.random(43), name);
    key.extra.put("scopes", "mail.send,api_keys.create,api_keys.delete,api_keys.read");
    return key;
  }

  @Override
  public Reply handle(Call call) {
    KeyBook.Key caller = keys.bySecret(call.bearer()).filter(k -> k.live).orElse(null);
    if (caller == null) {
      return limited(
          Reply.json(
              401, "{\"errors\":[{\"field\":null,\"message\":\"authorization required\"}]}"));
    }
    Matcher one = KEY.matcher(call.path());
    if (call.method().equals("GET") && call.path().equals("/v3/scopes")) {
      return limited(Reply.json(200, scopes(caller)));
    }
    if (call.method().equals("GET") && call.path().equals("/v3/api_keys")) {
      ObjectNode body = Reply.object();
      ArrayNode result = body.putArray("result");
      keys.all().forEach(k -> result.addObject().put("name", k.name).put("api_key_id", k.id));
      return limited(Reply.json(200, body));
    }
    if (call.method().equals("POST") && call.path().equals("/v3/api_keys")) {
      KeyBook.Key key = addKey(call.json().path("name").asText());
      ObjectNode body =
          scopes(key).put("api_key", key.secret).put("api_key_id", key.id).put("name", key.name);
      return limited(Reply.json(201, body));
    }
    if (call.is("GET", one)) {
      return keys.byId(one.group(1))
          .map(k -> limited(Reply.json(200, scopes(k).put("api_key_id", k.id).put("name", k.name))))
          .orElse(notFound());
    }
    if (call.is("DELETE", one)) {
      return keys.remove(one.group(1)) ? limited(Reply.empty(204)) : notFound();
    }
    return notFound();
  }

  private static ObjectNode scopes(KeyBook.Key key) {
    ObjectNode body = Reply.object();
    ArrayNode scopes = body.putArray("scopes");
    for (String scope : key.extra.getOrDefault("scopes", "").split(",")) {
      scopes.add(scope);
    }
    return body;
  }

  private static Reply notFound() {
    return Reply.json(
        404, "{\"errors\":[{\"field\":null,\"message\":\"unable to find API Key\"}]}");
  }

  private static Reply limited(Reply reply) {
    return reply
        .withHeader("X-RateLimit-Limit", "600")
        .withHeader("X-RateLimit-Remaining", "599")
        .withHeader("X-RateLimit-Reset", Long.toString(Instant.now().getEpochSecond() + 60));
  }
}

package dev.rekey.rotators.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resend: {@code GET /domains}; API keys listed with id, name and creation time only (no hint of
 * the value, as documented), created (the token shown once) and deleted; {@code ratelimit-*}
 * headers; errors as {@code {"statusCode", "name", "message"}}.
 */
public final class FakeResend implements FakeProvider {
  private static final Pattern KEY = Pattern.compile("/api-keys/([^/]+)");

  public final KeyBook keys = new KeyBook();

  @Override
  public String name() {
    return "resend";
  }

  public KeyBook.Key addKey(String name) {
    return keys.add(
        java.util.UUID.randomUUID().toString(),
        "re_" + KeyBook.random(8) + "_" + KeyBook.random(24),
        name);
  }

  @Override
  public Reply handle(Call call) {
    if (!keys.live(call.bearer())) {
      return limited(
          Reply.json(
              401,
              "{\"statusCode\":401,\"name\":\"invalid_api_key\",\"message\":\"API key is invalid\"}"));
    }
    Matcher one = KEY.matcher(call.path());
    if (call.method().equals("GET") && call.path().equals("/domains")) {
      return limited(Reply.json(200, "{\"object\":\"list\",\"data\":[]}"));
    }
    if (call.method().equals("GET") && call.path().equals("/api-keys")) {
      ObjectNode body = Reply.object().put("object", "list").put("has_more", false);
      ArrayNode data = body.putArray("data");
      keys.all()
          .forEach(
              k ->
                  data.addObject()
                      .put("id", k.id)
                      .put("name", k.name)
                      .put("created_at", Instant.EPOCH.toString()));
      return limited(Reply.json(200, body));
    }
    if (call.method().equals("POST") && call.path().equals("/api-keys")) {
      KeyBook.Key key = addKey(call.json().path("name").asText());
      return limited(Reply.json(201, Reply.object().put("id", key.id).put("token", key.secret)));
    }
    if (call.is("DELETE", one)) {
      return keys.remove(one.group(1))
          ? limited(Reply.json(200, "{}"))
          : Reply.json(
              404, "{\"statusCode\":404,\"name\":\"not_found\",\"message\":\"API key not found\"}");
    }
    return Reply.json(404, "{\"statusCode\":404,\"name\":\"not_found\",\"message\":\"Not found\"}");
  }

  private static Reply limited(Reply reply) {
    return reply
        .withHeader("ratelimit-limit", "2")
        .withHeader("ratelimit-remaining", "1")
        .withHeader("ratelimit-reset", "1");
  }
}

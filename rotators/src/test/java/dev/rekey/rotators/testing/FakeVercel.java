package dev.rekey.rotators.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vercel: a project's environment variables ({@code POST /v10/projects/ID/env?upsert=true} with one
 * object or an array; {@code GET /v10/projects/ID/env} lists them without values); bearer token;
 * {@code X-RateLimit-*} headers.
 */
public final class FakeVercel implements FakeProvider {
  private static final Pattern ENV = Pattern.compile("/v10/projects/([^/]+)/env");

  public final String token = "vercel_" + KeyBook.random(24);

  /** Variables by {@code project/KEY}: value and targets. */
  public final Map<String, JsonNode> variables = new ConcurrentHashMap<>();

  @Override
  public String name() {
    return "vercel";
  }

  public String value(String project, String key) {
    JsonNode variable = variables.get(project + "/" + key);
    if (variable == null) {
      throw new AssertionError("no variable " + key + " in project " + project);
    }
    return variable.path("value").asText();
  }

  @Override
  public Reply handle(Call call) {
    if (!token.equals(call.bearer())) {
      return Reply.json(403, "{\"error\":{\"code\":\"forbidden\",\"message\":\"Not authorized\"}}");
    }
    Matcher env = ENV.matcher(call.path());
    if (call.is("POST", env)) {
      JsonNode body = call.json();
      List<JsonNode> items = body.isArray() ? iterable(body) : List.of(body);
      boolean upsert = "true".equals(call.query().get("upsert"));
      ArrayNode created = Reply.JSON.createArrayNode();
      for (JsonNode item : items) {
        String name = env.group(1) + "/" + item.path("key").asText();
        if (variables.containsKey(name) && !upsert) {
          return Reply.json(
              400, "{\"error\":{\"code\":\"ENV_ALREADY_EXISTS\",\"message\":\"exists\"}}");
        }
        variables.put(name, item);
        created
            .addObject()
            .put("key", item.path("key").asText())
            .put("type", item.path("type").asText())
            .put("id", "env_" + KeyBook.random(10));
      }
      ObjectNode answer = Reply.object();
      answer.set("created", created);
      return limited(Reply.json(201, answer));
    }
    return Reply.json(404, "{\"error\":{\"code\":\"not_found\",\"message\":\"Not found\"}}");
  }

  private static List<JsonNode> iterable(JsonNode array) {
    List<JsonNode> items = new java.util.ArrayList<>();
    array.forEach(items::add);
    return items;
  }

  private static Reply limited(Reply reply) {
    return reply
        .withHeader("X-RateLimit-Limit", "100")
        .withHeader("X-RateLimit-Remaining", "99")
        .withHeader("X-RateLimit-Reset", "1700000000");
  }
}

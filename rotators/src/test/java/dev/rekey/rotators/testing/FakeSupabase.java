package dev.rekey.rotators.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Supabase: the Management API ({@code supabase-api}: projects, and each project's API keys, listed
 * in full with {@code ?reveal=true}, created and deleted with a personal access token) and each
 * project's own API ({@code supabase}: {@code GET /REF/rest/v1/} with the key as {@code apikey}).
 */
public final class FakeSupabase implements FakeProvider {
  private static final Pattern KEYS = Pattern.compile("/v1/projects/([a-z0-9]+)/api-keys");
  private static final Pattern KEY = Pattern.compile("/v1/projects/([a-z0-9]+)/api-keys/([^/]+)");
  private static final Pattern REST = Pattern.compile("/([a-z0-9]+)/rest/v1/?");

  public final String ref = KeyBook.hex(20).replaceAll("[0-9]", "q");
  public final String accessToken = "sbp_" + KeyBook.hex(40);
  public final KeyBook keys = new KeyBook();

  @Override
  public String name() {
    return "supabase-api";
  }

  public KeyBook.Key addKey(String name) {
    return keys.add(
        java.util.UUID.randomUUID().toString(), "sb_secret_" + KeyBook.random(32), name);
  }

  /** The project API, served under {@code supabase/REF}. */
  public FakeProvider projectApi() {
    return new FakeProvider() {
      @Override
      public String name() {
        return "supabase";
      }

      @Override
      public Reply handle(Call call) {
        Matcher rest = REST.matcher(call.path());
        if (!rest.matches() || !rest.group(1).equals(ref)) {
          return Reply.json(404, "{\"message\":\"no such project\"}");
        }
        return keys.live(call.header("apikey"))
            ? Reply.json(200, "{\"swagger\":\"2.0\",\"info\":{\"title\":\"PostgREST API\"}}")
            : Reply.json(
                401,
                "{\"message\":\"Invalid API key\",\"hint\":\"Double check your Supabase `anon` or `service_role` API key.\"}");
      }
    };
  }

  @Override
  public Reply handle(Call call) {
    if (!accessToken.equals(call.bearer())) {
      return Reply.json(401, "{\"message\":\"Unauthorized\"}");
    }
    Matcher list = KEYS.matcher(call.path());
    Matcher one = KEY.matcher(call.path());
    if (call.method().equals("GET") && call.path().equals("/v1/projects")) {
      return Reply.json(
          200,
          "[{\"id\":\""
              + ref
              + "\",\"ref\":\""
              + ref
              + "\",\"name\":\"app\",\"status\":\"ACTIVE_HEALTHY\"}]");
    }
    if ((list.matches() && !list.group(1).equals(ref))
        || (one.matches() && !one.group(1).equals(ref))) {
      return Reply.json(404, "{\"message\":\"Project not found\"}");
    }
    boolean reveal = "true".equals(call.query().get("reveal"));
    if (call.is("GET", list)) {
      ArrayNode array = Reply.JSON.createArrayNode();
      array
          .addObject()
          .put("name", "anon")
          .put("type", "legacy")
          .put("api_key", reveal ? "eyJhbGciOiJIUzI1NiJ9.e30.x" : "eyJ…");
      keys.all().forEach(k -> array.add(describe(k, reveal)));
      return Reply.json(200, array);
    }
    if (call.is("POST", list)) {
      if (!call.json().path("type").asText().equals("secret")) {
        return Reply.json(400, "{\"message\":\"type must be publishable or secret\"}");
      }
      return Reply.json(201, describe(addKey(call.json().path("name").asText()), reveal));
    }
    if (call.is("DELETE", one)) {
      return keys.byId(one.group(2))
          .map(
              k -> {
                keys.remove(k.id);
                return Reply.json(200, describe(k, false));
              })
          .orElse(Reply.json(404, "{\"message\":\"API key not found\"}"));
    }
    return Reply.json(404, "{\"message\":\"Not found\"}");
  }

  private static ObjectNode describe(KeyBook.Key key, boolean reveal) {
    return Reply.object()
        .put("id", key.id)
        .put("name", key.name)
        .put("type", "secret")
        .put("prefix", key.secret.substring(0, 14))
        .put("api_key", reveal ? key.secret : key.secret.substring(0, 14) + "········");
  }
}

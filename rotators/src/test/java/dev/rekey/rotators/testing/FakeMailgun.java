package dev.rekey.rotators.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Mailgun, with HTTP Basic user {@code api}: {@code GET /v3/domains}; the Keys API ({@code
 * /v1/keys}: list with {@code items} and {@code total_count}, create from a multipart or form body,
 * delete). 401 for an unknown key, 403 for a key without the permission. The list's masked {@code
 * secret} hint and the create answer's {@code key.secret} field are assumptions: Mailgun's stored
 * docs do not show them.
 */
public final class FakeMailgun implements FakeProvider {
  private static final Pattern KEY = Pattern.compile("/v1/keys/([^/]+)");

  public final KeyBook keys = new KeyBook();

  @Override
  public String name() {
    return "mailgun";
  }

  public KeyBook.Key addKey(String description) {
    String value = KeyBook.hex(32) + "-" + KeyBook.hex(8) + "-" + KeyBook.hex(8);
    return keys.add(KeyBook.hex(24), value, description);
  }

  @Override
  public Reply handle(Call call) {
    String[] basic = call.basic();
    if (basic == null || !basic[0].equals("api") || !keys.live(basic[1])) {
      return Reply.json(401, "{\"message\":\"Invalid private key\"}");
    }
    Matcher one = KEY.matcher(call.path());
    if (call.method().equals("GET") && call.path().equals("/v3/domains")) {
      return Reply.json(
          200,
          "{\"total_count\":1,\"items\":[{\"name\":\"mg.example.com\",\"state\":\"active\"}]}");
    }
    if (call.method().equals("GET") && call.path().equals("/v1/keys")) {
      ObjectNode body = Reply.object();
      ArrayNode items = body.putArray("items");
      keys.all()
          .forEach(
              k ->
                  items.add(
                      describe(k)
                          .put("secret", "***" + k.secret.substring(k.secret.length() - 5))));
      return Reply.json(200, body.put("total_count", keys.all().size()));
    }
    if (call.method().equals("POST") && call.path().equals("/v1/keys")) {
      String description = field(call, "description");
      KeyBook.Key key = addKey(description == null ? "" : description);
      ObjectNode body = Reply.object().put("message", "great success");
      body.set("key", describe(key).put("secret", key.secret));
      return Reply.json(200, body);
    }
    if (call.is("DELETE", one)) {
      return keys.remove(one.group(1))
          ? Reply.json(200, "{\"message\":\"key deleted\"}")
          : Reply.json(404, "{\"message\":\"key not found\"}");
    }
    return Reply.json(404, "{\"message\":\"not found\"}");
  }

  /** A field of a form or multipart body. */
  private static @Nullable String field(Call call, String name) {
    String form = call.form().get(name);
    if (form != null) {
      return form;
    }
    Matcher m =
        Pattern.compile("name=\"" + name + "\"\\r?\\n\\r?\\n([^\\r\\n]*)").matcher(call.body());
    return m.find() ? m.group(1) : null;
  }

  private static ObjectNode describe(KeyBook.Key key) {
    return Reply.object()
        .put("id", key.id)
        .put("description", key.name)
        .put("kind", "user")
        .put("role", "admin")
        .put("created_at", "2025-01-01T00:00:00Z");
  }
}

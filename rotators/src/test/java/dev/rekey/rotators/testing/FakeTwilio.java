package dev.rekey.rotators.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Twilio's 2010-04-01 API with HTTP Basic authentication ({@code AC…:auth token} or {@code
 * SK…:secret}): accounts, and API keys ({@code Keys.json}), which only the account's auth token may
 * manage; 401 is error 20003.
 */
public final class FakeTwilio implements FakeProvider {
  private static final Pattern ACCOUNT =
      Pattern.compile("/2010-04-01/Accounts/(AC[0-9a-f]{32})\\.json");
  private static final Pattern KEYS =
      Pattern.compile("/2010-04-01/Accounts/(AC[0-9a-f]{32})/Keys\\.json");
  private static final Pattern KEY =
      Pattern.compile("/2010-04-01/Accounts/(AC[0-9a-f]{32})/Keys/(SK[0-9a-f]{32})\\.json");

  public final String accountSid = "AC" + KeyBook.hex(32);
  public final String authToken = KeyBook.hex(32);
  public final KeyBook keys = new KeyBook();

  @Override
  public String name() {
    return "twilio";
  }

  public KeyBook.Key addKey(String friendlyName) {
    return keys.add("SK" + KeyBook.hex(32), KeyBook.random(32), friendlyName);
  }

  @Override
  public Reply handle(Call call) {
    String[] basic = call.basic();
    boolean account = basic != null && basic[0].equals(accountSid) && basic[1].equals(authToken);
    boolean apiKey =
        basic != null
            && keys.byId(basic[0]).filter(k -> k.live && k.secret.equals(basic[1])).isPresent();
    if (!account && !apiKey) {
      return Reply.json(
          401,
          "{\"code\":20003,\"message\":\"Authenticate\",\"more_info\":\"https://www.twilio.com/docs/errors/20003\",\"status\":401}");
    }
    Matcher one = ACCOUNT.matcher(call.path());
    Matcher list = KEYS.matcher(call.path());
    Matcher key = KEY.matcher(call.path());
    if (call.method().equals("GET") && call.path().equals("/2010-04-01/Accounts.json")) {
      ObjectNode body = Reply.object();
      body.putArray("accounts").add(accountJson());
      return Reply.json(200, body.put("page", 0).put("page_size", 1));
    }
    if (call.is("GET", one) && one.group(1).equals(accountSid)) {
      return Reply.json(200, accountJson());
    }
    if (!account) {
      return Reply.json(
          403,
          "{\"code\":20003,\"message\":\"Authenticate: API keys may not manage keys\",\"status\":403}");
    }
    if (call.is("POST", list)) {
      KeyBook.Key created = addKey(call.form().getOrDefault("FriendlyName", ""));
      return Reply.json(201, describe(created).put("secret", created.secret));
    }
    if (call.is("GET", list)) {
      ObjectNode body = Reply.object();
      ArrayNode array = body.putArray("keys");
      keys.all().forEach(k -> array.add(describe(k)));
      return Reply.json(200, body.put("page", 0).put("page_size", 50).putNull("next_page_uri"));
    }
    if (call.is("GET", key)) {
      return keys.byId(key.group(2)).map(k -> Reply.json(200, describe(k))).orElse(notFound());
    }
    if (call.is("DELETE", key)) {
      return keys.remove(key.group(2)) ? Reply.empty(204) : notFound();
    }
    return notFound();
  }

  private ObjectNode accountJson() {
    return Reply.object()
        .put("sid", accountSid)
        .put("friendly_name", "Acme")
        .put("status", "active");
  }

  private static ObjectNode describe(KeyBook.Key key) {
    return Reply.object()
        .put("sid", key.id)
        .put("friendly_name", key.name)
        .put("date_created", "Mon, 01 Jan 2024 00:00:00 +0000")
        .put("date_updated", "Mon, 01 Jan 2024 00:00:00 +0000");
  }

  private static Reply notFound() {
    return Reply.json(
        404,
        "{\"code\":20404,\"message\":\"The requested resource was not found\",\"status\":404}");
  }
}

package dev.rekey.rotators.testing;

/**
 * Slack's Web API: {@code auth.test} and {@code auth.revoke}, which answer HTTP 200 with {@code
 * "ok": false} and an error code for a dead token; the token comes as a bearer header or a form
 * field.
 */
public final class FakeSlack implements FakeProvider {
  public final KeyBook tokens = new KeyBook();

  @Override
  public String name() {
    return "slack";
  }

  public KeyBook.Key addToken() {
    String value =
        "xoxb-" + KeyBook.digits(12) + "-" + KeyBook.digits(13) + "-" + KeyBook.random(24);
    return tokens.add(value.substring(0, 10), value, "bot");
  }

  @Override
  public Reply handle(Call call) {
    String token = call.bearer() != null ? call.bearer() : call.form().get("token");
    if (token == null) {
      return Reply.json(200, "{\"ok\":false,\"error\":\"not_authed\"}");
    }
    KeyBook.Key key = tokens.bySecret(token).orElse(null);
    if (key == null) {
      return Reply.json(200, "{\"ok\":false,\"error\":\"invalid_auth\"}");
    }
    if (!key.live) {
      return Reply.json(200, "{\"ok\":false,\"error\":\"token_revoked\"}");
    }
    return switch (call.path()) {
      case "/api/auth.test" ->
          Reply.json(
              200,
              "{\"ok\":true,\"url\":\"https://acme.slack.com/\",\"team\":\"Acme\",\"user\":\"deploy-bot\",\"team_id\":\"T12345\",\"user_id\":\"U12345\",\"bot_id\":\"B12345\"}");
      case "/api/auth.revoke" -> {
        boolean test =
            "1".equals(call.form().get("test")) || "true".equals(call.query().get("test"));
        if (!test) {
          key.live = false;
        }
        yield Reply.json(200, "{\"ok\":true,\"revoked\":" + !test + "}");
      }
      default -> Reply.json(200, "{\"ok\":false,\"error\":\"unknown_method\"}");
    };
  }
}

package dev.rekey.rotators.testing;

/**
 * Stripe: {@code GET /v1/balance} with the key as bearer token or Basic user; a dead key is refused
 * with 401 and {@code WWW-Authenticate: Basic realm="Stripe"}. Keys are created and revoked on the
 * dashboard: tests call {@link KeyBook#add} and {@link KeyBook#revokeSecret}.
 */
public final class FakeStripe implements FakeProvider {
  public final KeyBook keys = new KeyBook();

  @Override
  public String name() {
    return "stripe";
  }

  public KeyBook.Key addKey() {
    return keys.add("key_" + KeyBook.random(10), "sk_live_51" + KeyBook.random(97), "Standard key");
  }

  @Override
  public Reply handle(Call call) {
    String key = call.bearer();
    String[] basic = call.basic();
    if (key == null && basic != null) {
      key = basic[0];
    }
    if (!call.path().equals("/v1/balance")) {
      return Reply.json(
          404,
          "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Unrecognized request URL\"}}");
    }
    if (!keys.live(key)) {
      return Reply.json(
              401,
              "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Invalid API Key provided: sk_live_****abcd\"}}")
          .withHeader("WWW-Authenticate", "Basic realm=\"Stripe\"");
    }
    return Reply.json(
            200,
            "{\"object\":\"balance\",\"available\":[{\"amount\":0,\"currency\":\"usd\"}],\"livemode\":true,\"pending\":[]}")
        .withHeader("Request-Id", "req_" + KeyBook.random(14));
  }
}

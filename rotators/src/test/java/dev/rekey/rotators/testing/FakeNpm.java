package dev.rekey.rotators.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The npm registry: {@code GET /-/whoami}; the token list ({@code GET /-/npm/v1/tokens}, pages
 * linked by {@code urls.next}, each token shown truncated with its {@code key}); {@code DELETE
 * /-/npm/v1/tokens/token/KEY}.
 */
public final class FakeNpm implements FakeProvider {
  private static final Pattern TOKEN = Pattern.compile("/-/npm/v1/tokens/token/([0-9a-f]+)");
  private static final int PAGE = 2;

  public final KeyBook tokens = new KeyBook();
  private String base = "";

  @Override
  public String name() {
    return "npm";
  }

  /** Where the registry is served, for its {@code urls.next} links. */
  public void base(String url) {
    this.base = url;
  }

  public KeyBook.Key addToken() {
    return tokens.add(KeyBook.hex(64), KeyBook.githubToken("npm_"), "automation");
  }

  @Override
  public Reply handle(Call call) {
    if (!tokens.live(call.bearer())) {
      return Reply.json(401, "{\"error\":\"Unauthorized\"}");
    }
    Matcher one = TOKEN.matcher(call.path());
    if (call.path().equals("/-/whoami")) {
      return Reply.json(200, "{\"username\":\"ada\"}");
    }
    if (call.method().equals("GET") && call.path().equals("/-/npm/v1/tokens")) {
      List<KeyBook.Key> all = tokens.all();
      int page = Integer.parseInt(call.query().getOrDefault("page", "0"));
      ObjectNode body = Reply.object();
      ArrayNode objects = body.putArray("objects");
      all.stream()
          .skip((long) page * PAGE)
          .limit(PAGE)
          .forEach(
              k ->
                  objects
                      .addObject()
                      .put(
                          "token",
                          k.secret.substring(0, 8)
                              + "…"
                              + k.secret.substring(k.secret.length() - 4))
                      .put("key", k.id)
                      .put("readonly", false)
                      .put("created", "2025-01-01T00:00:00.000Z")
                      .put("updated", "2025-01-01T00:00:00.000Z")
                      .putArray("cidr_whitelist"));
      boolean more = (long) (page + 1) * PAGE < all.size();
      body.putObject("total").put("count", all.size());
      body.putObject("urls")
          .put("next", more ? base + "/-/npm/v1/tokens?page=" + (page + 1) : null);
      return Reply.json(200, body);
    }
    if (call.is("DELETE", one)) {
      return tokens
          .byId(one.group(1))
          .map(
              k -> {
                k.live = false;
                tokens.remove(k.id);
                return Reply.empty(204);
              })
          .orElse(Reply.json(404, "{\"error\":\"Not found\"}"));
    }
    return Reply.json(404, "{\"error\":\"Not found\"}");
  }
}

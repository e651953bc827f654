package dev.rekey.rotators.testing;

import java.util.function.Function;

/**
 * A provider whose one read-only endpoint answers 200 for a live token and 401 otherwise: Groq,
 * Replicate, Hugging Face, GitLab's self-description and Google's key parameter, each with its
 * documented body.
 *
 * @param name the provider's name
 * @param path the endpoint
 * @param token how the request carries the token
 * @param live the body for a live token
 * @param dead the reply for any other
 */
public record FakeToken(
    String name, String path, Function<Call, String> token, String live, Reply dead, KeyBook keys)
    implements FakeProvider {

  public static FakeToken bearer(String name, String path, String live, Reply dead) {
    return new FakeToken(name, path, c -> c.bearer(), live, dead, new KeyBook());
  }

  public KeyBook.Key addToken(String value) {
    return keys.add(value.substring(0, 8), value, name);
  }

  @Override
  public Reply handle(Call call) {
    if (!call.path().equals(path)) {
      return Reply.json(404, "{\"error\":\"not found\"}");
    }
    return keys.live(token.apply(call)) ? Reply.json(200, live) : dead;
  }
}

package dev.rekey.rotators.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * OpenAI: {@code GET /v1/models} with any live key; the Admin API (projects, project API keys with
 * {@code redacted_value}, service-account keys) with the admin key; list pagination by {@code
 * after}/{@code limit}/{@code has_more}; {@code x-ratelimit-*} headers; 401 with an {@code error}
 * object. A key's {@code last_used_at} is the last time it listed the models.
 */
public final class FakeOpenAi implements FakeProvider {
  private static final Pattern PROJECT_KEYS =
      Pattern.compile("/v1/organization/projects/([^/]+)/api_keys");
  private static final Pattern PROJECT_KEY =
      Pattern.compile("/v1/organization/projects/([^/]+)/api_keys/([^/]+)");
  private static final Pattern SA_KEYS =
      Pattern.compile("/v1/organization/projects/([^/]+)/service_accounts/([^/]+)/api_keys");

  public final KeyBook keys = new KeyBook();
  public final String adminKey = "sk-admin-" + KeyBook.random(40) + "T3BlbkFJ" + KeyBook.random(40);
  private final List<String> projects;

  public FakeOpenAi(String... projects) {
    this.projects = List.of(projects);
  }

  @Override
  public String name() {
    return "openai";
  }

  /** A new key in {@code project}, owned by service account {@code serviceAccount} or a user. */
  public KeyBook.Key addKey(String project, String prefix, String serviceAccount) {
    String value = prefix + KeyBook.random(60) + "T3BlbkFJ" + KeyBook.random(60);
    KeyBook.Key key = keys.add("key_" + KeyBook.random(16), value, "key");
    key.extra.put("project", project);
    key.extra.put("service_account", serviceAccount);
    return key;
  }

  @Override
  public Reply handle(Call call) {
    if (call.path().equals("/v1/models") && call.method().equals("GET")) {
      keys.bySecret(call.bearer())
          .filter(k -> k.live)
          .ifPresent(
              k ->
                  k.extra.put(
                      "last_used_at", Long.toString(java.time.Instant.now().getEpochSecond())));
      return keys.live(call.bearer())
          ? limited(
              Reply.json(
                  200,
                  "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o\",\"object\":\"model\",\"created\":1,\"owned_by\":\"system\"}]}"))
          : unauthorized();
    }
    if (!adminKey.equals(call.bearer())) {
      return unauthorized();
    }
    return admin(call);
  }

  private Reply admin(Call call) {
    Matcher saKeys = SA_KEYS.matcher(call.path());
    Matcher projectKey = PROJECT_KEY.matcher(call.path());
    Matcher projectKeys = PROJECT_KEYS.matcher(call.path());
    if (call.is("GET", Pattern.compile("/v1/organization/projects").matcher(call.path()))) {
      List<String> page = KeyBook.page(projects, p -> p, call.query().get("after"), limit(call));
      return list(
          page.stream()
              .map(
                  p ->
                      (Object)
                          Reply.object()
                              .put("id", p)
                              .put("object", "organization.project")
                              .put("name", p))
              .toList(),
          page.isEmpty() ? null : page.getLast(),
          !page.isEmpty() && !page.getLast().equals(projects.getLast()));
    }
    if (call.is("GET", projectKeys)) {
      List<KeyBook.Key> inProject =
          keys.all().stream()
              .filter(k -> k.extra.getOrDefault("project", "").equals(projectKeys.group(1)))
              .toList();
      List<KeyBook.Key> page =
          KeyBook.page(inProject, k -> k.id, call.query().get("after"), limit(call));
      boolean more = !page.isEmpty() && page.getLast() != inProject.getLast();
      return list(
          page.stream().map(k -> (Object) projectKey(k)).toList(),
          page.isEmpty() ? null : page.getLast().id,
          more);
    }
    if (call.is("DELETE", projectKey)) {
      boolean removed = keys.remove(projectKey.group(2));
      return removed
          ? Reply.json(
              200,
              Reply.object()
                  .put("object", "organization.project.api_key.deleted")
                  .put("id", projectKey.group(2))
                  .put("deleted", true))
          : notFound();
    }
    if (call.is("POST", saKeys)) {
      KeyBook.Key key = addKey(saKeys.group(1), "sk-svcacct-", saKeys.group(2));
      key.name = call.json().path("name").asText("Secret Key");
      return Reply.json(
          200,
          Reply.object()
              .put("object", "organization.project.service_account.api_key")
              .put("id", key.id)
              .put("name", key.name)
              .put("value", key.secret)
              .put("created_at", 1));
    }
    return notFound();
  }

  private static int limit(Call call) {
    return Integer.parseInt(call.query().getOrDefault("limit", "20"));
  }

  private static ObjectNode projectKey(KeyBook.Key key) {
    ObjectNode node = Reply.object();
    node.put("object", "organization.project.api_key").put("id", key.id).put("name", key.name);
    node.put(
        "redacted_value",
        key.secret.substring(0, 8) + "..." + key.secret.substring(key.secret.length() - 4));
    node.put("created_at", 1);
    String used = key.extra.get("last_used_at");
    if (used == null) {
      node.putNull("last_used_at");
    } else {
      node.put("last_used_at", Long.parseLong(used));
    }
    ObjectNode owner = node.putObject("owner");
    String sa = key.extra.getOrDefault("service_account", "");
    if (sa.startsWith("svc_acct_")) {
      owner
          .put("type", "service_account")
          .putObject("service_account")
          .put("id", sa)
          .put("name", "bot")
          .put("role", "member");
    } else {
      owner
          .put("type", "user")
          .putObject("user")
          .put("id", sa)
          .put("name", "Ada")
          .put("email", "ada@example.com");
    }
    return node;
  }

  private static Reply list(List<Object> data, @Nullable String last, boolean more) {
    ObjectNode body = Reply.object().put("object", "list");
    ArrayNode array = body.putArray("data");
    data.forEach(d -> array.add((ObjectNode) d));
    body.put(
        "first_id", data.isEmpty() ? null : ((ObjectNode) data.getFirst()).path("id").asText());
    body.put("last_id", last).put("has_more", more);
    return limited(Reply.json(200, body));
  }

  private static Reply limited(Reply reply) {
    return reply
        .withHeader("x-ratelimit-limit-requests", "5000")
        .withHeader("x-ratelimit-remaining-requests", "4999")
        .withHeader("x-ratelimit-reset-requests", "12ms");
  }

  static Reply unauthorized() {
    return Reply.json(
        401,
        "{\"error\":{\"message\":\"Incorrect API key provided: sk-proj-****abcd. You can find your API key at https://platform.openai.com/account/api-keys.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}");
  }

  private static Reply notFound() {
    return Reply.json(
        404,
        "{\"error\":{\"message\":\"Not found\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}");
  }
}

package dev.rekey.rotators.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A provider's answer.
 *
 * @param status the HTTP status
 * @param headers response headers, names compared case-insensitively
 * @param body the body as text (empty when there was none)
 */
public record ApiResponse(int status, Map<String, List<String>> headers, String body) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.+/=-]{20,}");

  public ApiResponse {
    Map<String, List<String>> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> sorted.put(name, List.copyOf(values)));
    headers = java.util.Collections.unmodifiableMap(sorted);
  }

  public boolean ok() {
    return status >= 200 && status < 300;
  }

  /** Throttled or failing on the provider's side: worth another try later. */
  public boolean retryable() {
    return status == 429 || status >= 500 || exhaustedRateLimit();
  }

  /** The first value of a header, or null. */
  public @Nullable String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.getFirst();
  }

  /** The body as JSON; a missing node when it is not JSON. */
  public JsonNode json() {
    try {
      JsonNode node = JSON.readTree(body);
      return node == null ? MissingNode.getInstance() : node;
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }

  /**
   * How long the provider asked us to wait: {@code Retry-After} in seconds or as an HTTP date, else
   * the reset time of an exhausted rate limit ({@code x-ratelimit-reset} as epoch seconds, GitHub
   * and SendGrid); null when it did not say.
   */
  public @Nullable Duration retryAfter(Instant now) {
    String retryAfter = header("Retry-After");
    if (retryAfter != null) {
      return parseRetryAfter(retryAfter.trim(), now).orElse(null);
    }
    String reset = header("x-ratelimit-reset");
    if (exhaustedRateLimit() && reset != null) {
      try {
        long epoch = Long.parseLong(reset.trim());
        return Duration.ofSeconds(Math.max(0, epoch - now.getEpochSecond()));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** A 403 that is GitHub's primary rate limit: no requests left in the window. */
  private boolean exhaustedRateLimit() {
    return status == 403 && "0".equals(header("x-ratelimit-remaining"));
  }

  static Optional<Duration> parseRetryAfter(String value, Instant now) {
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(now, at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notDate) {
        return Optional.empty();
      }
    }
  }

  /** A short, non-secret description of the answer for messages: status and error text. */
  public String summary() {
    JsonNode json = json();
    String message =
        firstText(
            json.path("error").path("message"),
            json.path("error").isTextual() ? json.path("error") : MissingNode.getInstance(),
            json.path("message"),
            json.path("errors").path(0).path("message"),
            json.path("error_description"));
    return status + (message == null ? "" : " " + clip(message));
  }

  private static @Nullable String firstText(JsonNode... nodes) {
    for (JsonNode node : nodes) {
      if (node.isTextual() && !node.asText().isBlank()) {
        return node.asText();
      }
    }
    return null;
  }

  /**
   * The first line, at most 160 characters, with anything that looks like a key (20 or more token
   * characters) cut to its first four: a provider that echoes the key it refused must not make
   * rekey print it.
   */
  static String clip(String text) {
    String line = text.lines().findFirst().orElse("").strip();
    line = TOKEN.matcher(line).replaceAll(m -> m.group().substring(0, 4) + "…");
    return line.length() > 160 ? line.substring(0, 157) + "..." : line;
  }

  @Override
  public String toString() {
    return "ApiResponse[" + status + ", " + body.length() + " chars]";
  }
}

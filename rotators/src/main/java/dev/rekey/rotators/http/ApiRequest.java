package dev.rekey.rotators.http;

import dev.rekey.detectors.SecretValue;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * One call to a provider's API. Its {@link #toString()} names the method and URL only: headers
 * carry secrets and are never printed.
 *
 * @param method the HTTP method
 * @param uri the full URL
 * @param headers request headers, in order
 * @param body the request body, or null
 */
public record ApiRequest(
    String method, URI uri, Map<String, String> headers, @Nullable String body) {

  public ApiRequest {
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  public static ApiRequest get(URI uri) {
    return new ApiRequest("GET", uri, Map.of(), null);
  }

  public static ApiRequest delete(URI uri) {
    return new ApiRequest("DELETE", uri, Map.of(), null);
  }

  /** A request with a JSON body. */
  public static ApiRequest json(String method, URI uri, String json) {
    return new ApiRequest(method, uri, Map.of("Content-Type", "application/json"), json);
  }

  /** A POST of {@code application/x-www-form-urlencoded} fields. */
  public static ApiRequest form(String method, URI uri, Map<String, String> fields) {
    StringJoiner body = new StringJoiner("&");
    fields.forEach(
        (name, value) ->
            body.add(
                URLEncoder.encode(name, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return new ApiRequest(
        method, uri, Map.of("Content-Type", "application/x-www-form-urlencoded"), body.toString());
  }

  /** This request with one more header. */
  public ApiRequest header(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new ApiRequest(method, uri, more, body);
  }

  /** With {@code Authorization: Bearer SECRET}. */
  public ApiRequest bearer(SecretValue token) {
    return header("Authorization", "Bearer " + token.reveal());
  }

  /** With HTTP Basic authentication. */
  public ApiRequest basic(String user, SecretValue password) {
    String pair = user + ":" + password.reveal();
    return header(
        "Authorization",
        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
  }

  /** Method and URL without its query (which may carry a key), for messages. */
  public String describe() {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return method + " " + uri.getScheme() + "://" + uri.getRawAuthority() + path;
  }

  @Override
  public String toString() {
    return "ApiRequest[" + describe() + "]";
  }
}

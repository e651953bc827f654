package dev.rekey.rotators;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rekey.detectors.SecretValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The value a store holds for one credential: named entries, e.g. {@code AWS_ACCESS_KEY_ID} and
 * {@code AWS_SECRET_ACCESS_KEY}, or {@code DATABASE_URL}. The names are what an application reads
 * from its environment; a dotenv store writes them as lines, Secrets Manager as one JSON object.
 *
 * <p>Like {@link SecretValue}, it never prints its values.
 */
public final class SecretPayload {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, SecretValue> entries;

  private SecretPayload(Map<String, SecretValue> entries) {
    this.entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  /** A payload with these entries, in this order. */
  /** {@code credential}'s current value under {@code entry}, when its value is known. */
  public static Optional<SecretPayload> current(String entry, Credential credential) {
    SecretValue secret = credential.secret();
    return secret == null ? Optional.empty() : Optional.of(of(entry, secret));
  }

  public static SecretPayload of(Map<String, SecretValue> entries) {
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("a secret payload needs at least one entry");
    }
    return new SecretPayload(entries);
  }

  /** A payload of one entry. */
  public static SecretPayload of(String name, SecretValue value) {
    return of(Map.of(name, value));
  }

  /** Parses the JSON object a store holds. */
  public static SecretPayload fromJson(String json) throws RotationException {
    try {
      JsonNode node = JSON.readTree(json);
      if (!(node instanceof ObjectNode object)) {
        throw RotationException.fatal("stored secret is not a JSON object of named values");
      }
      Map<String, SecretValue> entries = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        entries.put(field.getKey(), SecretValue.of(field.getValue().asText()));
      }
      return of(entries);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw RotationException.fatal("stored secret is not a JSON object of named values");
    }
  }

  /** The JSON object to hand to a store. Reveals every value: only stores call it. */
  public String revealJson() {
    ObjectNode object = JSON.createObjectNode();
    entries.forEach((name, value) -> object.put(name, value.reveal()));
    return object.toString();
  }

  public Map<String, SecretValue> entries() {
    return entries;
  }

  public Set<String> names() {
    return entries.keySet();
  }

  /** The value named {@code name}; throws when the payload has no such entry. */
  public SecretValue get(String name) throws RotationException {
    SecretValue value = entries.get(name);
    if (value == null) {
      throw RotationException.fatal("stored secret has no entry " + name);
    }
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SecretPayload that && entries.equals(that.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  /** Names and redacted values only. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("SecretPayload[");
    entries.forEach(
        (name, value) -> text.append(name).append('=').append(value.redacted()).append(' '));
    return text.toString().strip() + "]";
  }
}

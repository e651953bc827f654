package dev.rekey.rotators.provider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small JSON request bodies. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** {@code {"k1": "v1", "k2": "v2", …}} from alternating names and values. */
  static String object(String... namesAndValues) {
    ObjectNode node = MAPPER.createObjectNode();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      node.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return node.toString();
  }

  static ObjectNode node() {
    return MAPPER.createObjectNode();
  }
}

package dev.rekey.scanner.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Typed access to one JSON object of a report read back. A missing or mistyped field is an error
 * that names the object and the field, never the value found (it may be hostile).
 */
final class JsonFields {
  private final JsonNode node;
  private final String where;

  /**
   * @param where the object, as errors name it, e.g. {@code finding 3}
   */
  JsonFields(JsonNode node, String where) throws ReportException {
    if (!node.isObject()) {
      throw new ReportException(where + " is not a JSON object");
    }
    this.node = node;
    this.where = where;
  }

  String where() {
    return where;
  }

  boolean has(String name) {
    return node.hasNonNull(name);
  }

  String text(String name) throws ReportException {
    String text = optionalText(name);
    if (text == null) {
      throw missing(name, "a string");
    }
    return text;
  }

  @Nullable String optionalText(String name) throws ReportException {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw wrong(name, "a string");
    }
    return value.textValue();
  }

  int integer(String name) throws ReportException {
    Integer value = optionalInteger(name);
    if (value == null) {
      throw missing(name, "a whole number");
    }
    return value;
  }

  @Nullable Integer optionalInteger(String name) throws ReportException {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
      throw wrong(name, "a whole number");
    }
    return value.intValue();
  }

  long count(String name) throws ReportException {
    JsonNode value = node.get(name);
    if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
      throw wrong(name, "a whole number");
    }
    if (value.longValue() < 0) {
      throw wrong(name, "a number not below 0");
    }
    return value.longValue();
  }

  @Nullable Boolean optionalBoolean(String name) throws ReportException {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      throw wrong(name, "true or false");
    }
    return value.booleanValue();
  }

  @Nullable Instant optionalInstant(String name) throws ReportException {
    String text = optionalText(name);
    try {
      return text == null ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw wrong(name, "a date such as 2024-01-02T03:04:05Z");
    }
  }

  /** The elements of an array field; none when it is missing. */
  List<JsonNode> array(String name) throws ReportException {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw wrong(name, "an array");
    }
    List<JsonNode> elements = new ArrayList<>();
    value.forEach(elements::add);
    return elements;
  }

  /** The strings of an array field; none when it is missing. */
  List<String> strings(String name) throws ReportException {
    List<String> strings = new ArrayList<>();
    for (JsonNode element : array(name)) {
      if (!element.isTextual()) {
        throw wrong(name, "an array of strings");
      }
      strings.add(element.textValue());
    }
    return strings;
  }

  /** An object of string values, in its order; empty when it is missing. */
  Map<String, String> textMap(String name) throws ReportException {
    Map<String, String> map = new LinkedHashMap<>();
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return map;
    }
    if (!value.isObject()) {
      throw wrong(name, "an object");
    }
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      if (!field.getValue().isTextual()) {
        throw wrong(name, "an object of strings");
      }
      map.put(field.getKey(), field.getValue().textValue());
    }
    return map;
  }

  /** An object field, or null when it is missing. */
  @Nullable JsonFields optionalObject(String name) throws ReportException {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : new JsonFields(value, where + ", " + name);
  }

  /** The error for a field whose value is not one of {@code accepted}. */
  ReportException wrong(String name, String accepted) {
    return new ReportException(where + ": \"" + name + "\" must be " + accepted);
  }

  private ReportException missing(String name, String accepted) {
    return new ReportException(
        where + ": \"" + name + "\" is missing (it must be " + accepted + ")");
  }
}

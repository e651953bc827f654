package dev.rekey.scanner.baseline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads baselines with Jackson's streaming parser only: a pre-commit hook reads one on every
 * commit, and the data-binding layer costs more start-up time than the whole scan.
 */
final class BaselineReader {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private BaselineReader() {}

  static Baseline read(Path file) throws BaselineException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new BaselineException(
          file + ": no such baseline: create one with 'rekey baseline' or fix the path");
    } catch (IOException e) {
      throw new BaselineException(file + ": cannot read the baseline: " + e.getMessage(), e);
    }
    if (!text.stripLeading().startsWith("{")) {
      return GitleaksIgnore.parse(file, text);
    }
    try {
      return text.contains("\"plugins_used\"") || !text.contains("\"findings\"")
          ? detectSecrets(file, text)
          : rekey(file, text);
    } catch (JsonProcessingException e) {
      throw new BaselineException(
          file
              + ": not a valid baseline: "
              + e.getOriginalMessage()
              + " (line "
              + e.getLocation().getLineNr()
              + "): fix it or write it anew with 'rekey baseline'",
          e);
    } catch (IOException e) {
      throw new BaselineException(file + ": cannot read the baseline: " + e.getMessage(), e);
    }
  }

  private static RekeyBaseline rekey(Path file, String text) throws IOException, BaselineException {
    Map<String, BaselineEntry> entries = new LinkedHashMap<>();
    try (JsonParser json = JSON.createParser(text)) {
      expect(json.nextToken() == JsonToken.START_OBJECT, file, "a JSON object");
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        if (field.equals("version") && value.isNumeric()) {
          checkVersion(file, json.getIntValue());
        } else if (field.equals("findings") && value == JsonToken.START_ARRAY) {
          while (json.nextToken() == JsonToken.START_OBJECT) {
            Map<String, String> fields = flatObject(json);
            String fingerprint = fields.get("fingerprint");
            if (fingerprint == null) {
              throw notABaseline(file, "a fingerprint in every entry of findings");
            }
            entries.putIfAbsent(
                fingerprint,
                new BaselineEntry(
                    fingerprint,
                    fields.get("rule"),
                    fields.get("redacted"),
                    fields.get("path"),
                    fields.get("reason")));
          }
        } else {
          json.skipChildren();
        }
      }
    }
    return new RekeyBaseline(file, entries);
  }

  private static DetectSecretsBaseline detectSecrets(Path file, String text) throws IOException {
    List<DetectSecretsBaseline.Entry> entries = new ArrayList<>();
    try (JsonParser json = JSON.createParser(text)) {
      json.nextToken();
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        if (!field.equals("results") || value != JsonToken.START_OBJECT) {
          json.skipChildren();
          continue;
        }
        while (json.nextToken() == JsonToken.FIELD_NAME) {
          String filename = json.currentName();
          if (json.nextToken() != JsonToken.START_ARRAY) {
            json.skipChildren();
            continue;
          }
          while (json.nextToken() == JsonToken.START_OBJECT) {
            Map<String, String> fields = flatObject(json);
            String hash = fields.get("hashed_secret");
            if (hash != null) {
              String line = fields.getOrDefault("line_number", "0");
              entries.add(new DetectSecretsBaseline.Entry(filename, hash, parseLine(line)));
            }
          }
        }
      }
    }
    return new DetectSecretsBaseline(file, entries);
  }

  /** The scalar fields of the object the parser is at (nested values are skipped). */
  private static Map<String, String> flatObject(JsonParser json) throws IOException {
    Map<String, String> fields = new LinkedHashMap<>();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      JsonToken value = json.nextToken();
      if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
        fields.put(name, json.getText());
      } else {
        json.skipChildren();
      }
    }
    return fields;
  }

  private static int parseLine(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static void checkVersion(Path file, int version) throws BaselineException {
    if (version > RekeyBaseline.VERSION) {
      throw new BaselineException(
          file + ": written by a newer rekey (format version " + version + "): upgrade rekey");
    }
  }

  private static void expect(boolean condition, Path file, String what) throws BaselineException {
    if (!condition) {
      throw notABaseline(file, what);
    }
  }

  private static BaselineException notABaseline(Path file, String what) {
    return new BaselineException(
        file
            + ": not a rekey baseline: expected "
            + what
            + ": fix it or write it anew with 'rekey baseline'");
  }
}

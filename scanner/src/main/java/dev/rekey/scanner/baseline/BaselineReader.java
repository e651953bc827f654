package dev.rekey.scanner.baseline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.rekey.scanner.files.ScanRoot;
import dev.rekey.scanner.files.Utf8Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads baselines with Jackson's streaming parser only: a pre-commit hook reads one on every
 * commit, and the data-binding layer costs more start-up time than the whole scan.
 */
final class BaselineReader {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private BaselineReader() {}

  /** The largest baseline read: far beyond any real one, and no reason to run out of memory. */
  static final long MAX_BYTES = 64L << 20;

  /** Reads {@code file}, a baseline the user named. */
  static Baseline read(Path file) throws BaselineException {
    try {
      return parse(file, Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new BaselineException(
          file + ": no such baseline: create one with 'rekey baseline' or fix the path");
    } catch (IOException e) {
      throw new BaselineException(file + ": cannot read the baseline: " + e.getMessage(), e);
    }
  }

  /**
   * Reads {@code file}, a baseline found in the scanned repository, only inside {@code root}: a
   * link out of it, a special file or a huge file is refused, not read.
   */
  static Baseline read(Path file, ScanRoot root) throws BaselineException {
    try {
      return switch (root.read(file, MAX_BYTES)) {
        case ScanRoot.FileRead.Content content -> parse(file, content.bytes());
        case ScanRoot.FileRead.Skipped skipped ->
            throw new BaselineException(
                file + ": " + skipped.reason() + ": replace it with the baseline file itself");
      };
    } catch (IOException e) {
      throw new BaselineException(file + ": cannot read the baseline: " + e.getMessage(), e);
    }
  }

  /**
   * Recognises the format: a JSON object with {@code findings} is rekey's, one with {@code results}
   * detect-secrets'; anything else must be lines of gitleaks fingerprints. Whatever is none of them
   * is an error, never an empty baseline.
   */
  static Baseline parse(Path file, byte[] bytes) throws BaselineException {
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB) {
      throw new BaselineException(
          file + ": starts with a byte-order mark: save it as UTF-8 without one");
    }
    String text;
    try {
      text = Utf8Text.decode(bytes);
    } catch (IllegalArgumentException e) {
      throw new BaselineException(
          file + ":" + String.valueOf(e.getMessage()).replaceFirst("^line ", ""));
    }
    if (!text.stripLeading().startsWith("{")) {
      return GitleaksIgnore.parse(file, text);
    }
    try {
      Set<String> fields = topLevelFields(text);
      if (fields.contains("findings")
          || fields.contains("version") && !fields.contains("results")) {
        return rekey(file, text);
      }
      if (fields.contains("results")) {
        return detectSecrets(file, text);
      }
      throw notABaseline(
          file, "a JSON object with findings (rekey's) or results (detect-secrets')");
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

  /** The names of the top-level object's fields; the whole text must be one valid object. */
  private static Set<String> topLevelFields(String text) throws IOException {
    Set<String> fields = new HashSet<>();
    try (JsonParser json = JSON.createParser(text)) {
      json.nextToken();
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        fields.add(json.currentName());
        json.nextToken();
        json.skipChildren();
      }
      if (json.nextToken() != null) {
        throw new JsonParseException(json, "text after the baseline's closing brace");
      }
    }
    return fields;
  }

  private static RekeyBaseline rekey(Path file, String text) throws IOException, BaselineException {
    Map<String, BaselineEntry> entries = new LinkedHashMap<>();
    boolean listed = false;
    try (JsonParser json = JSON.createParser(text)) {
      expect(json.nextToken() == JsonToken.START_OBJECT, file, "a JSON object");
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        if (field.equals("version")) {
          checkVersion(file, value, json);
        } else if (field.equals("findings")) {
          expect(value == JsonToken.START_ARRAY, file, "findings to be a list");
          readEntries(json, file, entries);
          listed = true;
        } else {
          json.skipChildren();
        }
      }
    }
    expect(listed, file, "a list of findings");
    return new RekeyBaseline(file, entries);
  }

  /** The entries of {@code findings}, the parser at its opening bracket. */
  private static void readEntries(JsonParser json, Path file, Map<String, BaselineEntry> entries)
      throws IOException, BaselineException {
    JsonToken token;
    while ((token = json.nextToken()) == JsonToken.START_OBJECT) {
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
    expect(token == JsonToken.END_ARRAY, file, "every entry of findings to be an object");
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

  private static void checkVersion(Path file, JsonToken value, JsonParser json)
      throws IOException, BaselineException {
    expect(value == JsonToken.VALUE_NUMBER_INT, file, "version to be a whole number");
    long version = json.getLongValue();
    if (version > RekeyBaseline.VERSION) {
      throw new BaselineException(
          file + ": written by a newer rekey (format version " + version + "): upgrade rekey");
    }
    expect(version >= 1, file, "version 1");
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

package dev.rekey.cli.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Where the application reads its credential, the way applications do: the {@code AWSCURRENT}
 * version of a Secrets Manager secret, or a dotenv file's assignments.
 */
@FunctionalInterface
public interface SecretSource {

  /** The named values now current, e.g. {@code DATABASE_URL}. */
  Map<String, String> read() throws IOException;

  /** The JSON object of the secret's {@code AWSCURRENT} version. */
  static SecretSource secretsManager(Supplier<SecretsManagerClient> clients, String name) {
    ObjectMapper json = new ObjectMapper();
    return () -> {
      try (SecretsManagerClient client = clients.get()) {
        String text =
            client.getSecretValue(r -> r.secretId(name).versionStage("AWSCURRENT")).secretString();
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : json.readTree(text).properties()) {
          values.put(field.getKey(), field.getValue().asText());
        }
        return values;
      }
    };
  }

  /** The assignments of a dotenv file ({@code NAME=value}, bare or double-quoted). */
  static SecretSource dotenv(Path file) {
    Pattern line = Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.]*)=(.*)$");
    return () -> {
      Map<String, String> values = new LinkedHashMap<>();
      for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        Matcher m = line.matcher(text);
        if (m.matches()) {
          values.put(m.group(1), unquote(m.group(2).strip()));
        }
      }
      return values;
    };
  }

  private static String unquote(String value) {
    if (value.length() < 2 || !value.startsWith("\"") || !value.endsWith("\"")) {
      return value;
    }
    StringBuilder text = new StringBuilder();
    for (int i = 1; i < value.length() - 1; i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length() - 1) {
        char next = value.charAt(++i);
        text.append(next == 'n' ? '\n' : next);
      } else {
        text.append(c);
      }
    }
    return text.toString();
  }
}

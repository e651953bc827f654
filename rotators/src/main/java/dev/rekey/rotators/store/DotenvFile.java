package dev.rekey.rotators.store;

import dev.rekey.detectors.SecretValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dotenv file's text, edited line by line: assignments of the given names are replaced in place
 * (keeping an {@code export} prefix), missing ones appended, every other line kept as it was.
 */
final class DotenvFile {
  private static final Pattern ASSIGNMENT =
      Pattern.compile("^(\\s*(?:export\\s+)?)([A-Za-z_][A-Za-z0-9_.]*)\\s*=.*$");
  private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_./:@%+,-]*");

  private DotenvFile() {}

  /** The text with {@code values} assigned. */
  static String assign(String text, Map<String, SecretValue> values) {
    Map<String, SecretValue> missing = new LinkedHashMap<>(values);
    List<String> lines = new ArrayList<>();
    for (String line : text.lines().toList()) {
      Matcher m = ASSIGNMENT.matcher(line);
      if (m.matches() && values.containsKey(m.group(2))) {
        SecretValue value = values.get(m.group(2));
        lines.add(m.group(1) + m.group(2) + "=" + quote(value.reveal()));
        missing.remove(m.group(2));
      } else {
        lines.add(line);
      }
    }
    missing.forEach((name, value) -> lines.add(name + "=" + quote(value.reveal())));
    return String.join("\n", lines) + "\n";
  }

  /** The value as a dotenv token: bare when safe, else double-quoted with escapes. */
  static String quote(String value) {
    if (BARE.matcher(value).matches()) {
      return value;
    }
    StringBuilder quoted = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"', '\\', '$', '`' -> quoted.append('\\').append(c);
        case '\n' -> quoted.append("\\n");
        default -> quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }
}

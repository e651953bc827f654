package dev.rekey.detectors.rules;

import dev.rekey.detectors.Candidate;
import dev.rekey.detectors.Check;
import dev.rekey.detectors.Placeholders;
import dev.rekey.detectors.Severity;
import dev.rekey.detectors.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges a database URL carrying a password: drops template and default passwords, records the
 * user, host, port and database as facts, and lowers the severity of URLs that point at the local
 * machine (development databases).
 */
final class DatabaseUrlCheck implements Check {
  private static final Pattern PARTS =
      Pattern.compile(
          "(?<scheme>[a-z+]+)://(?<user>[^:@/]*):(?<pass>[^@/]+)@(?<host>\\[[^\\]]+\\]|[^:/?#,]+)"
              + "(?::(?<port>\\d{1,5}))?[^/?#]*(?:/(?<db>[^?#]*))?.*",
          Pattern.DOTALL);
  private static final Set<String> DEFAULT_PASSWORDS =
      Set.of(
          "password",
          "pass",
          "passwd",
          "pwd",
          "pw",
          "secret",
          "changeme",
          "admin",
          "root",
          "postgres",
          "mysql",
          "mongo",
          "redis",
          "guest",
          "test",
          "user",
          "username",
          "mypassword",
          "yourpassword",
          "p@ssw0rd",
          "password123",
          "123456",
          "pa55word",
          "dbpass",
          "dbpassword");
  private static final Set<String> LOCAL_HOSTS =
      Set.of("localhost", "127.0.0.1", "0.0.0.0", "[::1]", "host.docker.internal");
  private static final Map<String, String> DEFAULT_PORTS =
      Map.of(
          "postgres", "5432",
          "postgresql", "5432",
          "mysql", "3306",
          "mariadb", "3306",
          "mongodb", "27017",
          "redis", "6379",
          "rediss", "6379",
          "amqp", "5672",
          "amqps", "5671");

  @Override
  public Verdict judge(Candidate candidate) {
    Matcher parts = PARTS.matcher(candidate.secret());
    if (!parts.matches()) {
      return Verdict.reject("not a URL with user and password");
    }
    String user = decode(parts.group("user"));
    String password = decode(parts.group("pass"));
    String lower = password.toLowerCase(Locale.ROOT);
    if (DEFAULT_PASSWORDS.contains(lower)
        || lower.equals(user.toLowerCase(Locale.ROOT))
        || lower.startsWith(":")
        || lower.startsWith("$")
        || Placeholders.isPlaceholder(password)) {
      return Verdict.reject("template or default password");
    }
    String host = parts.group("host").toLowerCase(Locale.ROOT);
    Severity severity = LOCAL_HOSTS.contains(host) ? Severity.LOW : candidate.rule().severity();
    return Verdict.accept(severity, facts(parts, user, host));
  }

  private static Map<String, String> facts(Matcher parts, String user, String host) {
    String scheme = parts.group("scheme");
    String base = scheme.contains("+") ? scheme.substring(0, scheme.indexOf('+')) : scheme;
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put(DatabaseRules.SCHEME_FACT, scheme);
    facts.put(DatabaseRules.USER_FACT, user);
    facts.put(DatabaseRules.HOST_FACT, host);
    String port = parts.group("port");
    String fallback = scheme.equals("mongodb+srv") ? null : DEFAULT_PORTS.get(base);
    if (port != null || fallback != null) {
      facts.put(DatabaseRules.PORT_FACT, port != null ? port : fallback);
    }
    String db = parts.group("db");
    if (db != null && !db.isEmpty()) {
      facts.put(DatabaseRules.NAME_FACT, decode(db));
    }
    return facts;
  }

  /** Percent-decodes a URL component (UTF-8); malformed escapes are kept as they are. */
  private static String decode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int hex = c == '%' && i + 2 < text.length() ? hexPair(text, i + 1) : -1;
      if (hex >= 0) {
        out.write(hex);
        i += 2;
      } else {
        byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hexPair(String text, int at) {
    int high = Character.digit(text.charAt(at), 16);
    int low = Character.digit(text.charAt(at + 1), 16);
    return high < 0 || low < 0 ? -1 : high << 4 | low;
  }
}

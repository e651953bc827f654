package dev.rekey.detectors.rules;

import dev.rekey.detectors.Candidate;
import dev.rekey.detectors.Check;
import dev.rekey.detectors.Severity;
import dev.rekey.detectors.Verdict;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges a database URL carrying a password: drops templates ({@link CredentialPair}), records the
 * user, host, port and database as facts, and reports weak passwords and URLs that point at the
 * local machine (development databases) at low severity.
 */
final class DatabaseUrlCheck implements Check {
  private static final Pattern PARTS =
      Pattern.compile(
          "(?<scheme>[a-z+]+)://(?<user>[^:@/]*):(?<pass>[^@/]+)@(?<host>\\[[^\\]]+\\]|[^:/?#,]+)"
              + "(?::(?<port>\\d{1,5}))?[^/?#]*(?:/(?<db>[^?#]*))?.*",
          Pattern.DOTALL);
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
    String user = Percent.decode(parts.group("user"));
    String password = Percent.decode(parts.group("pass"));
    PasswordGrade grade = CredentialPair.grade(user, password);
    if (grade == PasswordGrade.PLACEHOLDER) {
      return Verdict.reject("template or placeholder password");
    }
    String host = parts.group("host").toLowerCase(Locale.ROOT);
    boolean weak = grade == PasswordGrade.WEAK || LOCAL_HOSTS.contains(host);
    Severity severity = weak ? Severity.LOW : candidate.rule().severity();
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
      facts.put(DatabaseRules.NAME_FACT, Percent.decode(db));
    }
    return facts;
  }
}

package dev.rekey.rotators.db;

import dev.rekey.detectors.SecretValue;
import dev.rekey.detectors.rules.DatabaseRules;
import dev.rekey.rotators.Credential;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A database connection URL such as {@code postgres://app:pw@db.internal:5432/shop?sslmode=require}
 * or {@code mysql://app:pw@127.0.0.1:3306/shop}, as applications write it. Only the password is
 * ever replaced: the rest of the text stays exactly as it was, so the new URL is a drop-in
 * replacement for the old one.
 *
 * @param text the URL as found
 * @param family {@code postgresql} or {@code mysql}
 * @param user the user name, decoded
 * @param password the password, decoded, or null when the URL has none
 * @param host the host
 * @param port the port, or the family's default
 * @param database the database name, or empty
 * @param query the query string without {@code ?}, or empty
 */
public record DatabaseUrl(
    String text,
    String family,
    String user,
    @Nullable SecretValue password,
    String host,
    int port,
    String database,
    String query) {

  private static final Pattern URL =
      Pattern.compile(
          "^(?:jdbc:)?(?<scheme>postgres(?:ql)?|mysql|mariadb)://(?<user>[^:@/?#]+)"
              + "(?::(?<password>[^@/?#]*))?@(?<host>\\[[^\\]]+\\]|[^:/?#]+)(?::(?<port>\\d+))?"
              + "(?:/(?<db>[^?#]*))?(?:\\?(?<query>[^#]*))?$");

  /** A database name a driver takes as nothing but a name. */
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_$.-]{0,128}");

  /** A host name or address that cannot carry a driver option or a second host. */
  private static final Pattern PLAIN_HOST =
      Pattern.compile("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\]");

  /** Parses a URL; empty when it is not a PostgreSQL or MySQL URL with a user. */
  public static Optional<DatabaseUrl> parse(String text) {
    Matcher m = URL.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    String scheme = m.group("scheme").toLowerCase(Locale.ROOT);
    String family = scheme.startsWith("postgres") ? "postgresql" : "mysql";
    String digits = m.group("port");
    int port =
        digits == null ? defaultPort(family) : digits.length() > 5 ? -1 : Integer.parseInt(digits);
    String password = m.group("password");
    return Optional.of(
        new DatabaseUrl(
            text.trim(),
            family,
            decode(m.group("user")),
            password == null ? null : SecretValue.of(decode(password)),
            m.group("host"),
            port,
            m.group("db") == null ? "" : decode(m.group("db")),
            m.group("query") == null ? "" : m.group("query")));
  }

  /** The URL of a credential: its secret when that is a URL, else its facts and the secret. */
  public static Optional<DatabaseUrl> of(Credential credential) {
    SecretValue secret = credential.secret();
    if (secret != null) {
      Optional<DatabaseUrl> url = parse(secret.reveal());
      if (url.isPresent()) {
        return url;
      }
    }
    String user = credential.fact(DatabaseRules.USER_FACT);
    String host = credential.fact(DatabaseRules.HOST_FACT);
    if (user == null || host == null) {
      return Optional.empty();
    }
    String family = credential.ruleId().contains("postgres") ? "postgresql" : "mysql";
    String port = credential.fact(DatabaseRules.PORT_FACT);
    String name = credential.fact(DatabaseRules.NAME_FACT);
    return Optional.of(
        new DatabaseUrl(
            family
                + "://"
                + encode(user)
                + "@"
                + host
                + (port == null ? "" : ":" + port)
                + "/"
                + (name == null ? "" : name),
            family,
            user,
            secret,
            host,
            port == null ? defaultPort(family) : Integer.parseInt(port),
            name == null ? "" : name,
            ""));
  }

  /** The same URL with {@code newPassword}: the text changes in the password alone. */
  public DatabaseUrl withPassword(SecretValue newPassword) {
    Matcher m = URL.matcher(text);
    String encoded = encode(newPassword.reveal());
    String replaced;
    if (m.matches() && m.group("password") != null) {
      replaced =
          text.substring(0, m.start("password")) + encoded + text.substring(m.end("password"));
    } else if (m.matches()) {
      replaced = text.substring(0, m.end("user")) + ":" + encoded + text.substring(m.end("user"));
    } else {
      throw new IllegalStateException("not a database URL");
    }
    return new DatabaseUrl(replaced, family, user, newPassword, host, port, database, query);
  }

  /** The same URL logging in as {@code newUser} with {@code newPassword}; the rest unchanged. */
  public DatabaseUrl withLogin(String newUser, SecretValue newPassword) {
    Matcher m = URL.matcher(text);
    if (!m.matches()) {
      throw new IllegalStateException("not a database URL");
    }
    int end = m.group("password") != null ? m.end("password") : m.end("user");
    String replaced =
        text.substring(0, m.start("user"))
            + encode(newUser)
            + ":"
            + encode(newPassword.reveal())
            + text.substring(end);
    return new DatabaseUrl(replaced, family, newUser, newPassword, host, port, database, query);
  }

  /**
   * Why rekey will not hand this URL to a driver, or empty when it may. The URL comes from the
   * scanned content: a database name such as {@code prod%3FsocketTimeout%3D0} decodes into a JDBC
   * URL's query and sets any driver option (disabling its timeouts, passing {@code options=-c …} to
   * the server); a host with a comma names a second host.
   */
  public Optional<String> unsafe() {
    if (!PLAIN_HOST.matcher(host).matches()) {
      return Optional.of("the host '" + host + "' is not a plain host name or address");
    }
    if (!PLAIN_NAME.matcher(database).matches()) {
      return Optional.of(
          "the database name '"
              + database
              + "' is not a plain identifier (letters, digits and _ $ . -)");
    }
    if (port < 1 || port > 65_535) {
      return Optional.of("the port " + port + " is not a TCP port");
    }
    return Optional.empty();
  }

  /**
   * The JDBC URL without credentials (they go in connection properties, never in the URL), for a
   * URL that is not {@link #unsafe()}.
   *
   * @throws IllegalStateException when it is
   */
  public String jdbcUrl() {
    unsafe()
        .ifPresent(
            reason -> {
              throw new IllegalStateException("not handed to a driver: " + reason);
            });
    String scheme = family.equals("postgresql") ? "jdbc:postgresql://" : "jdbc:mariadb://";
    return scheme + host + ":" + port + "/" + database;
  }

  /** {@code user@host:port/db}, for messages: no password. */
  public String describe() {
    return user + "@" + host + ":" + port + (database.isEmpty() ? "" : "/" + database);
  }

  /** The URL text as a secret value. */
  public SecretValue asSecret() {
    return SecretValue.of(text);
  }

  private static int defaultPort(String family) {
    return family.equals("postgresql") ? 5432 : 3306;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Never the password. */
  @Override
  public String toString() {
    return "DatabaseUrl[" + family + "://" + describe() + "]";
  }
}

package dev.rekey.detectors.rules;

import static dev.rekey.detectors.rules.ProviderCatalog.AMQP;
import static dev.rekey.detectors.rules.ProviderCatalog.MONGODB;
import static dev.rekey.detectors.rules.ProviderCatalog.MYSQL;
import static dev.rekey.detectors.rules.ProviderCatalog.POSTGRESQL;
import static dev.rekey.detectors.rules.ProviderCatalog.REDIS;

import dev.rekey.detectors.Provider;
import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/**
 * Database and message-broker URLs carrying a password. The secret is the whole URL, since the
 * password alone is useless without the host it opens; user, host, port and database are recorded
 * as facts for rotation.
 */
public final class DatabaseRules {
  /** The id of the rule for mysql urls. */
  public static final String MYSQL_URL = "database.mysql-url";

  /** The id of the rule for postgres urls. */
  public static final String POSTGRES_URL = "database.postgres-url";

  /** The fact naming the URL scheme. */
  public static final String SCHEME_FACT = "db.scheme";

  /** The fact naming the user name. */
  public static final String USER_FACT = "db.user";

  /** The fact naming the host. */
  public static final String HOST_FACT = "db.host";

  /** The fact naming the port, or the default of the scheme. */
  public static final String PORT_FACT = "db.port";

  /** The fact naming the database name. */
  public static final String NAME_FACT = "db.name";

  private static final String CREDENTIALS =
      "://[^:@/\\s\"'`<>]{0,128}:[^@/\\s\"'`<>]{1,256}@[^\\s\"'`<>)\\\\]{1,1024}";

  private DatabaseRules() {}

  static List<Rule> rules() {
    return List.of(
        rule(
            POSTGRES_URL,
            POSTGRESQL,
            "(?:postgres|postgresql)(?:\\+[a-z0-9]+)?",
            List.of("postgres://", "postgresql://", "postgresql+", "postgres+"),
            "DATABASE_URL=postgresql://app_user:q9Vt2mXr7LwZpK4s@db.prod.internal:5432/orders?sslmode=require",
            "DATABASE_URL=postgres://postgres:${POSTGRES_PASSWORD}@db:5432/app",
            "https://www.postgresql.org/docs/current/sql-alterrole.html"),
        rule(
            MYSQL_URL,
            MYSQL,
            "(?:mysql|mariadb)(?:\\+[a-z0-9]+)?",
            List.of("mysql://", "mysql+", "mariadb://", "mariadb+"),
            "SQLALCHEMY_DATABASE_URI = 'mysql+pymysql://shop:Hx7pQ2wLz9RtVb3N@mysql.shop.example.net:3306/shop'"
                .replace("example.net", "acme-corp.net"),
            "url: mysql://<user>:<password>@localhost:3306/test",
            "https://dev.mysql.com/doc/refman/8.4/en/alter-user.html"),
        rule(
            "database.mongodb-url",
            MONGODB,
            "mongodb(?:\\+srv)?",
            List.of("mongodb://", "mongodb+srv://"),
            "MONGO_URI=mongodb+srv://api:Zk3f9QwT7xLm2PvR@cluster0.ab1cd.mongodb.net/prod?retryWrites=true",
            "MONGO_URI=mongodb+srv://<username>:<password>@cluster0.mongodb.net/test",
            "https://www.mongodb.com/docs/atlas/security-add-mongodb-users/"),
        rule(
            "database.redis-url",
            REDIS,
            "rediss?",
            List.of("redis://", "rediss://"),
            "REDIS_URL=rediss://default:AYx2QwE3rT9mKp7LzN4v@eu1-fancy-owl-31337.upstash.io:6379",
            "REDIS_URL=redis://:${REDIS_PASSWORD}@localhost:6379/0",
            "https://redis.io/docs/latest/commands/acl-setuser/"),
        rule(
            "database.amqp-url",
            AMQP,
            "amqps?",
            List.of("amqp://", "amqps://"),
            "CLOUDAMQP_URL=amqps://xkqvtbsd:Fq8Ztw2Lm4Rp9XcV7nBy3KsHd6Jg1aQe@rattlesnake.rmq.cloudamqp.com/xkqvtbsd",
            "BROKER_URL=amqp://USER:PASSWORD@localhost:5672//",
            "https://www.rabbitmq.com/docs/access-control"));
  }

  private static Rule rule(
      String id,
      Provider provider,
      String scheme,
      List<String> keywords,
      String example,
      String counterExample,
      String rotation) {
    return Rule.builder(id)
        .provider(provider)
        .kind("database-url")
        .severity(Severity.CRITICAL)
        .description(provider + " connection URL with a password")
        .keywords(keywords.toArray(String[]::new))
        .pattern("(?<![A-Za-z0-9+.-])(?<secret>" + scheme + CREDENTIALS + ")")
        .prefixed(1400)
        .check(new DatabaseUrlCheck())
        .examples(example)
        .counterExamples(counterExample)
        .rotation(rotation)
        .build();
  }
}

package dev.rekey.detectors.rules;

import dev.rekey.detectors.Rule;
import dev.rekey.detectors.Severity;
import java.util.List;

/**
 * Database and message-broker URLs carrying a password. The secret is the whole URL, since the
 * password alone is useless without the host it opens; user, host, port and database are recorded
 * as facts for rotation.
 */
final class DatabaseRules {
  private static final String CREDENTIALS =
      "://[^:@/\\s\"'`<>]{0,128}:[^@/\\s\"'`<>]{1,256}@[^\\s\"'`<>)\\\\]{1,1024}";

  private DatabaseRules() {}

  static List<Rule> rules() {
    return List.of(
        rule(
            "database.postgres-url",
            "PostgreSQL",
            "(?:postgres|postgresql)(?:\\+[a-z0-9]+)?",
            List.of("postgres://", "postgresql://", "postgresql+", "postgres+"),
            "DATABASE_URL=postgresql://app_user:q9Vt2mXr7LwZpK4s@db.prod.internal:5432/orders?sslmode=require",
            "DATABASE_URL=postgres://postgres:${POSTGRES_PASSWORD}@db:5432/app",
            "https://www.postgresql.org/docs/current/sql-alterrole.html"),
        rule(
            "database.mysql-url",
            "MySQL",
            "(?:mysql|mariadb)(?:\\+[a-z0-9]+)?",
            List.of("mysql://", "mysql+", "mariadb://", "mariadb+"),
            "SQLALCHEMY_DATABASE_URI = 'mysql+pymysql://shop:Hx7pQ2wLz9RtVb3N@mysql.shop.example.net:3306/shop'"
                .replace("example.net", "acme-corp.net"),
            "url: mysql://<user>:<password>@localhost:3306/test",
            "https://dev.mysql.com/doc/refman/8.4/en/alter-user.html"),
        rule(
            "database.mongodb-url",
            "MongoDB",
            "mongodb(?:\\+srv)?",
            List.of("mongodb://", "mongodb+srv://"),
            "MONGO_URI=mongodb+srv://api:Zk3f9QwT7xLm2PvR@cluster0.ab1cd.mongodb.net/prod?retryWrites=true",
            "MONGO_URI=mongodb+srv://<username>:<password>@cluster0.mongodb.net/test",
            "https://www.mongodb.com/docs/atlas/security-add-mongodb-users/"),
        rule(
            "database.redis-url",
            "Redis",
            "rediss?",
            List.of("redis://", "rediss://"),
            "REDIS_URL=rediss://default:AYx2QwE3rT9mKp7LzN4v@eu1-fancy-owl-31337.upstash.io:6379",
            "REDIS_URL=redis://:${REDIS_PASSWORD}@localhost:6379/0",
            "https://redis.io/docs/latest/commands/acl-setuser/"),
        rule(
            "database.amqp-url",
            "AMQP",
            "amqps?",
            List.of("amqp://", "amqps://"),
            "CLOUDAMQP_URL=amqps://xkqvtbsd:Fq8Ztw2Lm4Rp9XcV7nBy3KsHd6Jg1aQe@rattlesnake.rmq.cloudamqp.com/xkqvtbsd",
            "BROKER_URL=amqp://USER:PASSWORD@localhost:5672//",
            "https://www.rabbitmq.com/docs/access-control"));
  }

  private static Rule rule(
      String id,
      String provider,
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

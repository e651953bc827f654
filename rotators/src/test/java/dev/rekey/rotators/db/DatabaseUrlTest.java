package dev.rekey.rotators.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.detectors.SecretValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {
  @Test
  void parsesPostgresAndMysqlUrls() {
    DatabaseUrl pg =
        DatabaseUrl.parse("postgres://app:p%40ss@db.internal:6432/shop?sslmode=require")
            .orElseThrow();
    assertThat(pg.family()).isEqualTo("postgresql");
    assertThat(pg.user()).isEqualTo("app");
    assertThat(pg.password()).isEqualTo(SecretValue.of("p@ss"));
    assertThat(pg.port()).isEqualTo(6432);
    assertThat(pg.database()).isEqualTo("shop");
    assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6432/shop");

    DatabaseUrl my = DatabaseUrl.parse("mysql://root:pw@127.0.0.1/app").orElseThrow();
    assertThat(my.family()).isEqualTo("mysql");
    assertThat(my.port()).isEqualTo(3306);
    assertThat(DatabaseUrl.parse("https://example.com")).isEmpty();
  }

  @Test
  void withPasswordChangesOnlyThePassword() {
    DatabaseUrl url =
        DatabaseUrl.parse("postgresql://app:old@h:5432/db?sslmode=require&x=1").orElseThrow();
    assertThat(url.withPassword(SecretValue.of("n w")).text())
        .isEqualTo("postgresql://app:n%20w@h:5432/db?sslmode=require&x=1");
    DatabaseUrl bare = DatabaseUrl.parse("mysql://app@h/db").orElseThrow();
    assertThat(bare.withPassword(SecretValue.of("new")).text()).isEqualTo("mysql://app:new@h/db");
  }

  @Test
  void withLoginChangesOnlyTheUserAndPassword() {
    DatabaseUrl url =
        DatabaseUrl.parse("postgresql://app:old@h:5432/db?sslmode=require").orElseThrow();
    DatabaseUrl clone = url.withLogin("app_clone", SecretValue.of("n w"));
    assertThat(clone.text()).isEqualTo("postgresql://app_clone:n%20w@h:5432/db?sslmode=require");
    assertThat(clone.user()).isEqualTo("app_clone");
    DatabaseUrl bare = DatabaseUrl.parse("postgres://app@h/db").orElseThrow();
    assertThat(bare.withLogin("b", SecretValue.of("pw")).text()).isEqualTo("postgres://b:pw@h/db");
  }

  @Test
  void alternatingUsersPairARoleWithItsClone() {
    assertThat(PostgresAlternatingUsersRotator.alternate("app")).isEqualTo("app_clone");
    assertThat(PostgresAlternatingUsersRotator.alternate("app_clone")).isEqualTo("app");
    assertThat(PostgresAlternatingUsersRotator.alternate("_clone")).isEqualTo("_clone_clone");
  }

  @Test
  void neverPrintsThePassword() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://app:hunter2hunter2@h/db").orElseThrow();
    assertThat(url.toString()).doesNotContain("hunter2").contains("app@h:5432/db");
  }

  /**
   * Issue 11, item 6: a URL found in scanned content cannot set driver options. Its database name
   * and host must be plain names; anything else is never handed to a driver.
   */
  @Test
  void namesThatCouldCarryDriverOptionsAreRefused() throws Exception {
    for (String text :
        List.of(
            "postgres://app:pw@db.example:5432/prod%3FsocketTimeout%3D0",
            "postgres://app:pw@db.example/prod%3Foptions%3D-c%20statement_timeout%3D0",
            "mysql://app:pw@db.example/shop%26allowLoadLocalInfile%3Dtrue",
            "postgres://app:pw@db.example,evil.example/shop",
            "postgres://app:pw@db.example:99999999/shop")) {
      DatabaseUrl url = DatabaseUrl.parse(text).orElseThrow();
      assertThat(url.unsafe()).as(text).isPresent();
      assertThatThrownBy(url::jdbcUrl).isInstanceOf(IllegalStateException.class);
    }
    assertThat(
            DatabaseUrl.parse("postgres://app:pw@db-1.example:5432/shop_v2").orElseThrow().unsafe())
        .isEmpty();
    assertThat(DatabaseUrl.parse("postgres://app:pw@[::1]:5432/shop").orElseThrow().unsafe())
        .isEmpty();
  }
}

package dev.rekey.rotators.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.detectors.SecretValue;
import dev.rekey.rotators.ErrorClass;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.SecretPayload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotenvStoreTest {
  @TempDir Path dir;

  private static SecretPayload url(String value) {
    return SecretPayload.of("DATABASE_URL", SecretValue.of(value));
  }

  @Test
  void promoteReplacesTheValueInPlaceKeepsABackupAndOwnerOnlyPermissions() throws Exception {
    Path env = dir.resolve(".env");
    Files.writeString(env, "# app\nexport DATABASE_URL=postgres://a:old@h/db\nOTHER=1\n");
    DotenvStore store = new DotenvStore(env, "abc");

    store.put("v-old", url("postgres://a:old@h/db"), Store.Label.CURRENT);
    store.put("v-new", url("postgres://a:new?x@h/db"), Store.Label.PENDING);
    assertThat(Files.readString(env)).contains("DATABASE_URL=postgres://a:old@h/db");
    store.promote("v-new");

    assertThat(Files.readString(env))
        .isEqualTo("# app\nexport DATABASE_URL=\"postgres://a:new?x@h/db\"\nOTHER=1\n");
    assertThat(Files.readString(dir.resolve(".env.bak"))).contains("a:old@h");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env)))
        .isEqualTo("rw-------");
    assertThat(store.version(Store.Label.CURRENT)).contains("v-new");
    assertThat(store.version(Store.Label.PREVIOUS)).contains("v-old");
    assertThat(store.version(Store.Label.PENDING)).isEmpty();
  }

  @Test
  void repeatedWritesAreIdempotentAndAConflictingOneIsRefused() throws Exception {
    DotenvStore store = new DotenvStore(dir.resolve(".env"), "abc");
    store.put("v1", url("postgres://a:one@h/db"), Store.Label.PENDING);
    store.put("v1", url("postgres://a:one@h/db"), Store.Label.PENDING);
    store.promote("v1");
    store.promote("v1");
    assertThat(store.read("v1")).contains(url("postgres://a:one@h/db"));
    assertThat(store.version(Store.Label.PREVIOUS)).isEmpty();
    assertThatThrownBy(() -> store.put("v1", url("postgres://a:two@h/db"), Store.Label.PENDING))
        .isInstanceOfSatisfying(
            RotationException.class, e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.FATAL));
  }

  @Test
  void promotingThePreviousVersionRollsBack() throws Exception {
    Path env = dir.resolve(".env");
    DotenvStore store = new DotenvStore(env, "abc");
    store.put("v1", url("postgres://a:one@h/db"), Store.Label.CURRENT);
    store.put("v2", url("postgres://a:two@h/db"), Store.Label.PENDING);
    store.promote("v2");
    store.promote(store.version(Store.Label.PREVIOUS).orElseThrow());
    assertThat(Files.readString(env)).isEqualTo("DATABASE_URL=postgres://a:one@h/db\n");
    assertThat(store.version(Store.Label.PREVIOUS)).contains("v2");
  }
}

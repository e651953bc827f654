package dev.rekey.rotators.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.detectors.SecretValue;
import dev.rekey.rotators.ErrorClass;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.SecretPayload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DotenvStoreTest {
  @TempDir Path dir;

  private static SecretPayload url(String value) {
    return SecretPayload.of("DATABASE_URL", SecretValue.of(value));
  }

  @Test
  void promoteReplacesTheValueInPlaceKeepsABackupAndTheFilesMode() throws Exception {
    Path env = dir.resolve(".env");
    Files.writeString(env, "# app\nexport DATABASE_URL=postgres://a:old@h/db\nOTHER=1\n");
    Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-r-----"));
    DotenvStore store = new DotenvStore(env, "abc");

    store.put("v-old", url("postgres://a:old@h/db"), Store.Label.CURRENT);
    store.put("v-new", url("postgres://a:new?x@h/db"), Store.Label.PENDING);
    assertThat(Files.readString(env)).contains("DATABASE_URL=postgres://a:old@h/db");
    store.promote("v-new");

    assertThat(Files.readString(env))
        .isEqualTo("# app\nexport DATABASE_URL=\"postgres://a:new?x@h/db\"\nOTHER=1\n");
    assertThat(Files.readString(dir.resolve(".env.bak"))).contains("a:old@h");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env)))
        .as("the application's access is kept")
        .isEqualTo("rw-r-----");
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(".env.bak"))))
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

  /** Issue 11, item 10: a linked .env is changed where it points, the link kept. */
  @Test
  void aLinkedDotenvIsWrittenThroughToItsTargetAndStaysALink() throws Exception {
    Path shared = Files.createDirectories(dir.resolve("shared"));
    Path real = Files.writeString(shared.resolve(".env"), "DATABASE_URL=postgres://a:old@h/db\n");
    Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
    Path app = Files.createDirectories(dir.resolve("app"));
    Path env = Files.createSymbolicLink(app.resolve(".env"), real);
    DotenvStore store = new DotenvStore(env, "abc");

    store.put("v1", url("postgres://a:new@h/db"), Store.Label.CURRENT);

    assertThat(Files.isSymbolicLink(env)).isTrue();
    assertThat(Files.readString(real)).isEqualTo("DATABASE_URL=postgres://a:new@h/db\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(real)))
        .isEqualTo("rw-r-----");
    assertThat(Files.readString(shared.resolve(".env.bak"))).contains("a:old@h");
  }

  /** Issue 11, item 10: the owner and group the application relies on are kept (as root). */
  @Test
  void theOwnerAndGroupAreKept() throws Exception {
    UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
    Path env = Files.writeString(dir.resolve(".env"), "DATABASE_URL=postgres://a:old@h/db\n");
    GroupPrincipal daemon;
    try {
      daemon = users.lookupPrincipalByGroupName("daemon");
      Files.getFileAttributeView(env, PosixFileAttributeView.class).setGroup(daemon);
    } catch (IOException e) {
      Assumptions.abort("changing a file's group needs root here: " + e);
      return;
    }
    Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-r-----"));

    new DotenvStore(env, "abc").put("v1", url("postgres://a:new@h/db"), Store.Label.CURRENT);

    PosixFileAttributes after = Files.readAttributes(env, PosixFileAttributes.class);
    assertThat(after.group()).isEqualTo(daemon);
    assertThat(PosixFilePermissions.toString(after.permissions())).isEqualTo("rw-r-----");
  }
}

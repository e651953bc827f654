package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How rekey tells the runtime image it ships from a JDK, and what --version says. */
class InstallationTest {
  @TempDir Path temp;

  @Test
  void theImageLayoutIsBundledAndShipsItsCache() throws Exception {
    Path jar = Files.createDirectories(temp.resolve("rekey/lib")).resolve("rekey.jar");
    Files.writeString(jar, "jar");
    Path runtime = Files.createDirectories(temp.resolve("rekey/runtime"));
    Installation image = new Installation("1.2.3", "abc", false, runtime, jar);
    assertThat(image.bundled()).isTrue();
    assertThat(image.shippedCache()).isNull();

    Files.writeString(jar.resolveSibling(Installation.SHIPPED_CACHE), "cache");
    assertThat(image.shippedCache()).isEqualTo(jar.resolveSibling("rekey.aot"));
    assertThat(image.runtimeLine()).contains("bundled runtime image " + runtime);
  }

  @Test
  void aJdkOrClassFoldersAreNotBundled() throws Exception {
    Path jar = Files.createDirectories(temp.resolve("checkout/cli/target")).resolve("rekey.jar");
    Files.writeString(jar, "jar");
    Files.writeString(jar.resolveSibling(Installation.SHIPPED_CACHE), "not shipped");
    Path jdk = temp.resolve("jdk");
    assertThat(new Installation("1", "abc", false, jdk, jar).shippedCache()).isNull();
    assertThat(new Installation("1", "abc", false, jdk, null).bundled()).isFalse();
    assertThat(new Installation("1", "abc", false, jdk, jar).runtimeLine())
        .contains(", JDK " + jdk);
  }

  @Test
  void versionNamesTheBuildItsCommitAndTheRuntime() {
    Cli result = Cli.run("--version");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out().lines())
        .hasSize(3)
        .satisfies(lines -> assertThat(lines.get(0)).startsWith("rekey "))
        .satisfies(lines -> assertThat(lines.get(1)).matches("commit ([0-9a-f]{12}|unknown).*"))
        .satisfies(
            lines ->
                assertThat(lines.get(2))
                    .startsWith("runtime ")
                    .contains(Runtime.version().toString(), ", JDK "));
    assertThat(new Installation("1", "0123456789ab", true, temp, null).commitLine())
        .isEqualTo("0123456789ab (with uncommitted changes)");
  }
}

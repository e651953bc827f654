package dev.rekey.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * This rekey as it runs: the build (version and commit) and the Java runtime under it. That runtime
 * is either the one a release ships — the runtime image {@code scripts/release.sh} builds, laid out
 * as {@code bin/rekey}, {@code lib/rekey.jar}, {@code lib/rekey.aot} (its start-up cache) and
 * {@code runtime/} — or a JDK on the machine (a checkout's {@code ./rekey}).
 *
 * @param version the version of the build ({@code dev} when run from classes)
 * @param commit the commit it was built from, abbreviated, or {@code unknown}
 * @param modified whether the working tree it was built from had uncommitted changes
 * @param javaHome the runtime's folder
 * @param jar rekey's jar, or null when run from class folders (tests, an IDE)
 */
record Installation(
    String version, String commit, boolean modified, Path javaHome, @Nullable Path jar) {

  /** The start-up cache a runtime image ships beside its jar. */
  static final String SHIPPED_CACHE = "rekey.aot";

  /** The running rekey. */
  static Installation current() {
    Properties build = new Properties();
    try (InputStream in = Installation.class.getResourceAsStream("build.properties")) {
      if (in != null) {
        build.load(in);
      }
    } catch (IOException e) {
      // Unreadable build facts are reported as unknown; they never stop a command.
    }
    return new Installation(
        Main.version(),
        build.getProperty("git.commit.id.abbrev", "unknown"),
        Boolean.parseBoolean(build.getProperty("git.dirty", "false")),
        real(Path.of(System.getProperty("java.home"))),
        jarOf(Installation.class.getProtectionDomain().getCodeSource()));
  }

  private static @Nullable Path jarOf(@Nullable CodeSource source) {
    if (source == null || source.getLocation() == null) {
      return null; // e.g. classes the JVM took from an ahead-of-time cache
    }
    try {
      Path path = real(Path.of(source.getLocation().toURI()));
      return Files.isRegularFile(path) ? path : null;
    } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
      return null; // not a file: a module of a runtime image (jrt:)
    }
  }

  /** {@code path} with links resolved, so that a linked {@code bin/rekey} finds its image. */
  private static Path real(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path.toAbsolutePath().normalize();
    }
  }

  /** Whether the runtime is the image rekey ships ({@code runtime/} beside {@code lib/}). */
  boolean bundled() {
    Path lib = jar == null ? null : jar.getParent();
    Path top = lib == null ? null : lib.getParent();
    return top != null && javaHome.equals(top.resolve("runtime"));
  }

  /** The start-up cache shipped with the runtime image, or null when there is none. */
  @Nullable Path shippedCache() {
    if (!bundled() || jar == null) {
      return null;
    }
    Path cache = jar.resolveSibling(SHIPPED_CACHE);
    return Files.isRegularFile(cache) ? cache : null;
  }

  /** The commit, marked when the build had uncommitted changes. */
  String commitLine() {
    return commit + (modified ? " (with uncommitted changes)" : "");
  }

  /** The runtime: vendor, version, and whether it is the shipped image or a JDK. */
  String runtimeLine() {
    String name =
        System.getProperty("java.vendor", "unknown vendor")
            + " "
            + System.getProperty("java.runtime.version", Runtime.version().toString());
    return name + (bundled() ? ", bundled runtime image " : ", JDK ") + javaHome;
  }

  /** What {@code rekey --version} prints. */
  List<String> versionLines() {
    return List.of("rekey " + version, "commit " + commitLine(), "runtime " + runtimeLine());
  }
}

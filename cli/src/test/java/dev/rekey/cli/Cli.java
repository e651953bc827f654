package dev.rekey.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the CLI in-process and captures what it prints. Every run gets this test JVM's own cache and
 * configuration folders ({@code XDG_CACHE_HOME}, {@code XDG_CONFIG_HOME}) unless the test sets
 * them, so that no test reads or writes the real user's.
 */
record Cli(int exitCode, String out, String err) {
  private static final Path USER_HOME = createHome();

  static Cli run(String... args) {
    return runWithEnv(Map.of("NO_COLOR", "1"), args);
  }

  static Cli runWithEnv(Map<String, String> env, String... args) {
    Map<String, String> full = new HashMap<>(env);
    full.putIfAbsent("XDG_CACHE_HOME", USER_HOME.resolve("cache").toString());
    full.putIfAbsent("XDG_CONFIG_HOME", USER_HOME.resolve("config").toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Main.run(args, o, e, full);
    }
    return new Cli(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The folder standing in for the user's home in this test JVM. */
  static Path userHome() {
    return USER_HOME;
  }

  private static Path createHome() {
    try {
      return Files.createTempDirectory("rekey-test-home");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

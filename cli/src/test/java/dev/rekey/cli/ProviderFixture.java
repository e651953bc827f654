package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code test-repos/providers} fixture: a repository whose {@code config/.env} holds the given
 * {@code NAME=value} lines, keys the test created on the loopback provider servers.
 */
final class ProviderFixture {
  private ProviderFixture() {}

  static Path create(Path dir, Map<String, String> lines) throws Exception {
    StringBuilder env = new StringBuilder();
    lines.forEach((name, value) -> env.append(name).append('=').append(value).append('\n'));
    Path file = Files.createTempFile("rekey-fixture", ".env");
    try {
      Files.writeString(file, env, StandardCharsets.UTF_8);
      Path script = Fixtures.testRepos().resolve("providers").resolve("build.sh");
      ProcessBuilder builder =
          new ProcessBuilder("bash", script.toString(), dir.toString()).redirectErrorStream(true);
      builder.environment().put("REKEY_FIXTURE_ENV_FILE", file.toString());
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as(output).isZero();
      return dir;
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** {@code --provider-url NAME=URL} arguments for every loopback provider. */
  static java.util.List<String> urlArgs(Map<String, String> urls) {
    java.util.List<String> args = new java.util.ArrayList<>();
    urls.forEach(
        (name, url) -> {
          args.add("--provider-url");
          args.add(name + "=" + url);
        });
    return args;
  }
}

package dev.rekey.scanner.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The configuration example in the README is valid, so users can copy it. */
class ReadmeConfigTest {
  @Test
  void readmeExampleParses() throws Exception {
    String readme = Files.readString(repoRoot().resolve("README.md"));
    int section = readme.indexOf("## Configuration");
    int start = readme.indexOf("```toml\n", section) + "```toml\n".length();
    String toml = readme.substring(start, readme.indexOf("```", start));
    ScanConfig config = ConfigReader.parse("README.md", toml);
    assertThat(config.customRules()).extracting(r -> r.id()).containsExactly("acme.api-key");
    assertThat(config.allowlist().allowsPath("test/fixtures/a/b.json")).isTrue();
  }

  private static Path repoRoot() {
    String configured = System.getProperty("rekey.repoRoot");
    Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("README.md"))
          && Files.isDirectory(dir.resolve("scanner"))) {
        return dir;
      }
    }
    throw new IllegalStateException("repository root not found above " + start);
  }
}

package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rekey self-check}: everything a bug report needs, and a failing exit when broken. */
class SelfCheckCommandTest {
  @TempDir Path temp;

  private Cli selfCheck(Path dir) {
    return Cli.runWithEnv(
        Map.of("XDG_CACHE_HOME", temp.resolve("cache").toString(), "NO_COLOR", "1"),
        "self-check",
        dir.toString());
  }

  @Test
  void reportsBuildRuntimeOsGitConfigBaselineAndHooks() throws Exception {
    GitRepo repo = new GitRepo(temp.resolve("repo"), Map.of());
    repo.write(".rekey.toml", "[detectors]\ndisable = [\"generic.password\"]\n");
    repo.write(".rekey-baseline.json", "{\"version\": 1, \"findings\": []}\n");
    Cli result = selfCheck(repo.dir);
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .containsPattern("(?m)^rekey +\\S+")
        .containsPattern("(?m)^commit +\\S+")
        .containsPattern("(?m)^runtime +.*" + Runtime.version().feature())
        .containsPattern("(?m)^os +" + System.getProperty("os.name"))
        .containsPattern("(?m)^git +git version \\d")
        .contains(repo.dir.resolve(".rekey.toml") + " (valid)")
        .contains(repo.dir.resolve(".rekey-baseline.json").toString())
        .containsPattern("(?m)^hooks +none installed$");
  }

  @Test
  void anInvalidConfigurationFailsWithItsError() throws Exception {
    Files.writeString(temp.resolve(".rekey.toml"), "[detectors]\ndisabel = []\n");
    Cli result = selfCheck(temp);
    assertThat(result.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(result.out())
        .containsPattern("(?m)^config +invalid: .*disabel")
        .containsPattern("(?m)^baseline +none$")
        .containsPattern("(?m)^hooks +none \\(not a git working tree\\)$");
  }
}

package dev.rekey.cli.hook;

import dev.rekey.scanner.git.GitProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a repository's hooks live, as git itself resolves it: {@code core.hooksPath} when set, else
 * {@code hooks/} in the common git folder (shared by linked worktrees). When the hooks path is
 * husky's ({@code .husky} or {@code .husky/_}), the hooks to edit are the scripts in {@code
 * .husky/}, which husky's generated wrappers run.
 *
 * @param top the top of the working tree
 * @param gitDir the common git folder, where rekey keeps its runner and saved hooks
 * @param hooksDir the folder git runs hooks from
 * @param huskyDir husky's folder of user hooks, or null when husky is not in use
 */
public record HookLayout(Path top, Path gitDir, Path hooksDir, @Nullable Path huskyDir) {

  /**
   * The layout of the repository holding {@code start}.
   *
   * @throws IOException when git fails or {@code start} is not in a working tree
   */
  public static HookLayout of(Path start) throws IOException {
    GitProcess git = new GitProcess(start);
    GitProcess.Output out =
        git.run(
            "rev-parse",
            "--path-format=absolute",
            "--show-toplevel",
            "--git-common-dir",
            "--git-path",
            "hooks");
    if (!out.ok()) {
      throw new IOException(
          start.toAbsolutePath()
              + ": not a git working tree ("
              + out.stderr().strip()
              + "): run it inside the repository to protect");
    }
    List<String> lines = out.text().lines().toList();
    Path top = Path.of(lines.get(0));
    Path hooks = Path.of(lines.get(2));
    return new HookLayout(top, Path.of(lines.get(1)), hooks, husky(top, hooks));
  }

  private static @Nullable Path husky(Path top, Path hooks) {
    Path husky = top.resolve(".husky");
    boolean usesHusky =
        hooks.normalize().equals(husky) || hooks.normalize().equals(husky.resolve("_"));
    return usesHusky && Files.isDirectory(husky) ? husky : null;
  }

  /** The folder where rekey keeps its runner and the hooks it replaced. */
  public Path rekeyDir() {
    return gitDir.resolve("rekey");
  }

  /** The runner every installed hook calls. */
  public Path runner() {
    return rekeyDir().resolve("hook");
  }
}

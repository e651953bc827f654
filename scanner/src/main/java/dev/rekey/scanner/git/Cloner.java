package dev.rekey.scanner.git;

import dev.rekey.scanner.pipeline.SourceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;

/**
 * Clones a repository as a bare mirror. JGit speaks {@code git://}, {@code http(s)://} and {@code
 * file://} itself; SSH URLs go through the {@code git} command, which knows the user's SSH keys and
 * configuration.
 */
final class Cloner {
  private static final long SSH_TIMEOUT_MINUTES = 60;

  private Cloner() {}

  static void mirror(String url, Path target) throws SourceException {
    if (url.startsWith("ssh://") || !url.contains("://")) {
      withGit(url, target);
      return;
    }
    try (Git git =
        Git.cloneRepository()
            .setURI(url)
            .setDirectory(target.toFile())
            .setBare(true)
            .setMirror(true)
            .call()) {
      git.getRepository(); // cloned
    } catch (GitAPIException | JGitInternalException e) {
      throw new SourceException(
          RemoteHistorySource.display(url)
              + ": cannot clone: "
              + e.getMessage()
              + "; check the URL and that you can read the repository",
          e);
    }
  }

  private static void withGit(String url, Path target) throws SourceException {
    ProcessBuilder command =
        new ProcessBuilder(
                List.of("git", "clone", "--mirror", "--quiet", "--", url, target.toString()))
            .redirectErrorStream(true);
    try {
      Process process = command.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(SSH_TIMEOUT_MINUTES, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new SourceException(
            RemoteHistorySource.display(url) + ": cannot clone: " + output.strip());
      }
    } catch (IOException e) {
      throw new SourceException(
          RemoteHistorySource.display(url)
              + ": cannot clone: SSH URLs need the git command on PATH ("
              + e.getMessage()
              + ")",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceException(RemoteHistorySource.display(url) + ": clone interrupted", e);
    }
  }
}

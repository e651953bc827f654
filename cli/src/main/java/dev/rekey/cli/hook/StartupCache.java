package dev.rekey.cli.hook;

import dev.rekey.scanner.files.Sha256;
import dev.rekey.scanner.files.UserFolders;
import dev.rekey.scanner.git.GitProcess;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The start-up cache of the hook's JVM, built by a training run: a commit check in a throw-away
 * repository. On JDK 25 and later it is an AOT cache ({@code -XX:AOTCacheOutput}, JEP 514), which
 * holds rekey's classes loaded and linked; on JDK 21 to 24 a dynamic CDS archive. Either halves the
 * start-up time. A cache is specific to one JDK and one class path, so its file name is derived
 * from both, under {@code $XDG_CACHE_HOME/rekey} (or {@code ~/.cache/rekey}).
 */
public final class StartupCache {
  /** The first JDK with one-step AOT cache creation. */
  static final int AOT_FROM = 25;

  private static final Duration TRAINING_LIMIT = Duration.ofMinutes(2);
  private static final Duration STALE_LOCK = Duration.ofMinutes(5);

  private StartupCache() {}

  /** The cache file for {@code java} running {@code classpath}. */
  public static Path fileFor(Map<String, String> env, Path java, String classpath, int feature) {
    String key = Sha256.hex(java + "\n" + classpath + "\n" + Runtime.version()).substring(0, 16);
    return UserFolders.cache(env)
        .resolve("startup-" + key + (feature >= AOT_FROM ? ".aot" : ".jsa"));
  }

  /**
   * Builds the cache of {@code settings} with a training run; does nothing when another build is
   * under way.
   *
   * @throws IOException when the training run fails
   */
  public static void build(RunnerSettings settings) throws IOException {
    Path cache = settings.cache();
    if (cache == null) {
      return;
    }
    for (String entry : settings.classpath().split(java.io.File.pathSeparator)) {
      if (Files.isDirectory(Path.of(entry))) {
        throw new IOException(
            "a start-up cache needs rekey's jar, and this rekey runs from the folder " + entry);
      }
    }
    Files.createDirectories(cache.getParent());
    Path lock = cache.resolveSibling(cache.getFileName() + ".lock");
    if (!acquire(lock)) {
      return;
    }
    Path repo = Files.createTempDirectory("rekey-training");
    try {
      TrainingRepository.create(repo);
      Path building =
          cache.resolveSibling(cache.getFileName() + "." + ProcessHandle.current().pid());
      train(settings, repo, building);
      Files.move(
          building, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      deleteTree(repo);
      Files.deleteIfExists(lock);
    }
  }

  private static void train(RunnerSettings settings, Path repo, Path output) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(settings.java().toString());
    command.add(
        settings.cacheKind() == RunnerSettings.CacheKind.CDS
            ? "-XX:ArchiveClassesAtExit=" + output
            : "-XX:AOTCacheOutput=" + output);
    command.addAll(List.of(RunnerSettings.FAST_START.split(" ")));
    command.addAll(List.of("-cp", settings.classpath(), "dev.rekey.cli.Main", "scan", "--staged"));
    ProcessBuilder builder = new ProcessBuilder(command).directory(repo.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("GIT_"));
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process process = builder.start();
    try {
      if (!process.waitFor(TRAINING_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("the training run took over " + TRAINING_LIMIT.toSeconds() + " s");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while building the start-up cache", e);
    }
    if (!Files.isRegularFile(output)) {
      throw new IOException(
          "the training run (exit " + process.exitValue() + ") wrote no cache to " + output);
    }
  }

  private static boolean acquire(Path lock) throws IOException {
    try {
      Files.createFile(lock);
      return true;
    } catch (FileAlreadyExistsException e) {
      FileTime made = Files.getLastModifiedTime(lock);
      if (made.toInstant().isBefore(Instant.now().minus(STALE_LOCK))) {
        Files.deleteIfExists(lock);
        return acquire(lock);
      }
      return false;
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** A throw-away repository whose staged changes exercise every step of a blocked commit. */
  static final class TrainingRepository {
    private TrainingRepository() {}

    static void create(Path repo) throws IOException {
      GitProcess git = new GitProcess(repo);
      run(git, "init", "-q", ".");
      Files.writeString(repo.resolve("README.md"), "# training\n\nNothing to see.\n");
      // A commit of ordinary size, so the recorded profile covers the scanning loops.
      for (int file = 1; file <= 10; file++) {
        StringBuilder code = new StringBuilder();
        for (int line = 1; line <= 100; line++) {
          code.append("export const value")
              .append(line)
              .append(" = compute(\"item-")
              .append(file * 1000 + line)
              .append("\", { retries: 3, timeoutMs: 2500 });\n");
        }
        Files.createDirectories(repo.resolve("src"));
        Files.writeString(repo.resolve("src/module" + file + ".js"), code);
      }
      // The Stripe test-mode key of test-repos/worktree, valid for no account; split so that
      // rekey's scan of its own sources does not report this file.
      Files.writeString(
          repo.resolve("config.py"),
          "DEBUG = True\nSTRIPE_KEY = \"sk_test_"
              + "8qQqDcovmFOcBO4h4bjj3Yxt7LOj5vEtrSzVJffr0f1DZSVgmqnx371ErDOLz3Kr8oJYnGjvSR85oMUck"
              + "CycX8aoAevpHBPAC2e\"\n");
      Files.writeString(repo.resolve("partial.txt"), "first\n");
      // Most repositories with the hook have a baseline: its reader belongs in the cache.
      Files.writeString(
          repo.resolve(".rekey-baseline.json"),
          "{\"version\": 1, \"findings\": [{\"fingerprint\": \"" + "0".repeat(64) + "\"}]}\n");
      run(git, "add", "-A");
      // Changed after staging: its staged content comes from the object database.
      Files.writeString(repo.resolve("partial.txt"), "first\nsecond\n");
    }

    private static void run(GitProcess git, String... args) throws IOException {
      GitProcess.Output out = git.run(args);
      if (!out.ok()) {
        throw new IOException("git " + String.join(" ", args) + " failed: " + out.stderr().strip());
      }
    }
  }
}

package dev.rekey.cli;

import dev.rekey.cli.hook.RunnerSettings;
import dev.rekey.cli.hook.RunnerSettings.CacheKind;
import dev.rekey.cli.hook.StartupCache;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rekey hook cache}: (re)build the start-up cache the hooks use. */
@Command(
    name = "cache",
    mixinStandardHelpOptions = true,
    description = {
      "Build the start-up cache that makes the hooks fast.",
      "%nA training run of a commit check records the classes rekey loads, for this JDK and this"
          + " rekey jar. 'hook install' builds it, and a hook rebuilds it in the background when"
          + " rekey's jar has changed. A release of rekey ships its cache: nothing to build.",
      ""
    })
final class HookCacheCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description =
          "Write the cache to FILE instead (how a release builds the one it ships, lib/rekey.aot).")
  @Nullable Path output;

  @Mixin LogOptions logOptions = new LogOptions();

  @Override
  public Integer call() {
    RunnerSettings settings = currentRunner(RekeyCommand.env(spec), true);
    if (output != null) {
      settings =
          new RunnerSettings(
              settings.java(),
              settings.classpath(),
              CacheKind.trainedOn(Runtime.version().feature()),
              output.toAbsolutePath());
    }
    if (!settings.trained()) {
      spec.commandLine()
          .getOut()
          .println("this rekey ships its start-up cache " + settings.cache());
      return ExitCode.CLEAN;
    }
    Log log = logOptions.open(spec.commandLine().getErr());
    try {
      StartupCache.build(settings);
      spec.commandLine().getOut().println("built " + settings.cache());
      return ExitCode.CLEAN;
    } catch (IOException e) {
      log.error(
          "hook.cache.failed", "cannot build the start-up cache: " + e.getMessage(), Map.of());
      return ExitCode.ERROR;
    }
  }

  /**
   * How to start this very rekey (this runtime, this class path) from a hook: with the cache its
   * runtime image ships, else with one built for this JDK and jar.
   */
  static RunnerSettings currentRunner(Map<String, String> env, boolean withCache) {
    Installation installation = Installation.current();
    Path java = installation.javaHome().resolve("bin").resolve("java");
    String classpath =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
            .collect(Collectors.joining(File.pathSeparator));
    Path shipped = installation.shippedCache();
    if (withCache && shipped != null) {
      return new RunnerSettings(java, classpath, CacheKind.SHIPPED, shipped);
    }
    int feature = Runtime.version().feature();
    Path cache = withCache ? StartupCache.fileFor(env, java, classpath, feature) : null;
    return new RunnerSettings(java, classpath, CacheKind.trainedOn(feature), cache);
  }
}

package dev.rekey.cli;

import dev.rekey.cli.hook.HookInstaller;
import dev.rekey.cli.hook.HookLayout;
import dev.rekey.cli.hook.RunnerSettings;
import dev.rekey.cli.hook.StartupCache;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rekey hook install}: check every commit (and, with --pre-push, every push). */
@Command(
    name = "install",
    mixinStandardHelpOptions = true,
    description = {
      "Install a pre-commit hook that refuses commits adding a secret.",
      "%nThe hook runs 'rekey scan --staged'. The JDK and rekey's jar are resolved now and a"
          + " start-up cache is built, so that checking a commit takes about a tenth of a second."
          + " With --pre-push, a pre-push hook also scans the commits being pushed.",
      ""
    },
    footerHeading = "%nExit codes:%n",
    footer = {"  0  installed", "  2  not a git repository, or a hook could not be written"})
final class HookInstallCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "PATH",
      description = "A folder of the repository to protect (default: the current directory).")
  Path path = Path.of(".");

  @Option(
      names = "--pre-push",
      description = "Also install a pre-push hook scanning the commits being pushed.")
  boolean prePush;

  @Option(
      names = "--no-cache",
      description = "Do not build the start-up cache (commits are checked more slowly).")
  boolean noCache;

  @Mixin LogOptions logOptions = new LogOptions();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Log log = logOptions.open(spec.commandLine().getErr());
    RunnerSettings settings = settings(RekeyCommand.env(spec));
    List<String> hooks = new ArrayList<>(List.of("pre-commit"));
    if (prePush) {
      hooks.add("pre-push");
    }
    try {
      HookLayout layout = HookLayout.of(path);
      new HookInstaller(layout).install(settings, hooks).forEach(out::println);
    } catch (IOException e) {
      log.error("hook.failed", "cannot install the hook: " + e.getMessage(), Map.of());
      return ExitCode.ERROR;
    }
    if (settings.trained()) {
      buildCache(settings, out, log);
    } else if (settings.cache() != null) {
      out.println("uses the start-up cache shipped with rekey: " + settings.cache());
    }
    out.println("Commits are now checked for secrets; 'rekey hook uninstall' removes the hook.");
    return ExitCode.CLEAN;
  }

  private static void buildCache(RunnerSettings settings, PrintWriter out, Log log) {
    long start = System.nanoTime();
    try {
      StartupCache.build(settings);
      long millis = (System.nanoTime() - start) / 1_000_000;
      out.println("built the start-up cache " + settings.cache() + " (" + millis + " ms)");
      log.event("hook.cache", Map.of("file", String.valueOf(settings.cache()), "ms", millis));
    } catch (IOException e) {
      log.note(
          "hook.cache.failed",
          "the start-up cache was not built ("
              + e.getMessage()
              + "): commits are checked, more slowly; 'rekey hook cache' retries",
          Map.of());
    }
  }

  private RunnerSettings settings(Map<String, String> env) {
    return HookCacheCommand.currentRunner(env, !noCache);
  }
}

package dev.rekey.cli;

import dev.rekey.cli.hook.HookInstaller;
import dev.rekey.cli.hook.HookLayout;
import dev.rekey.cli.hook.RunnerSettings;
import dev.rekey.scanner.baseline.RekeyBaseline;
import dev.rekey.scanner.config.ConfigException;
import dev.rekey.scanner.config.ConfigReader;
import dev.rekey.scanner.git.GitProcess;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rekey self-check}: what a bug report needs — rekey's build, the runtime, the OS, git, and
 * what rekey finds in the repository (configuration, baseline, hooks). It reads no file contents
 * beyond checking that the configuration is valid, and prints no secret.
 */
@Command(
    name = "self-check",
    mixinStandardHelpOptions = true,
    description = {
      "Print what a bug report needs: version, runtime, OS, git and configuration.",
      "%nShows rekey's version and commit, the runtime and its start-up cache, the OS, git, and"
          + " the configuration, baseline and hooks rekey finds in PATH. Paste it into the report:"
          + " it checks that git runs and the configuration is valid, and prints no secret.",
      ""
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  everything rekey needs works",
      "  2  git does not run, or the configuration is invalid"
    })
final class SelfCheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "PATH",
      description =
          "The folder to check, as 'rekey scan' would scan it (default: the current directory).")
  Path path = Path.of(".");

  private boolean broken;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Installation installation = Installation.current();
    RunnerSettings runner = HookCacheCommand.currentRunner(RekeyCommand.env(spec), true);
    line(out, "rekey", installation.version());
    line(out, "commit", installation.commitLine());
    line(out, "runtime", installation.runtimeLine());
    line(out, "start-up cache", cache(runner));
    line(out, "os", os());
    line(out, "git", git());
    Path root = path.toAbsolutePath().normalize();
    line(out, "folder", root.toString());
    line(out, "config", config(root));
    Path baseline = root.resolve(RekeyBaseline.FILE_NAME);
    line(out, "baseline", Files.isRegularFile(baseline) ? baseline.toString() : "none");
    line(out, "hooks", hooks(root));
    return broken ? ExitCode.ERROR : ExitCode.CLEAN;
  }

  private static void line(PrintWriter out, String name, String value) {
    out.printf("%-15s %s%n", name, value);
  }

  private static String cache(RunnerSettings runner) {
    if (runner.cache() == null) {
      return "none";
    }
    String state =
        Files.isRegularFile(runner.cache())
            ? " (the hooks')"
            : " (the hooks'; not built yet: 'rekey hook cache' builds it)";
    return switch (runner.cacheKind()) {
      case SHIPPED -> runner.cache() + " (shipped with the runtime image)";
      case AOT, CDS -> runner.cache() + state;
    };
  }

  private static String os() {
    return System.getProperty("os.name")
        + " "
        + System.getProperty("os.version")
        + " ("
        + System.getProperty("os.arch")
        + ")";
  }

  private String git() {
    try {
      GitProcess.Output version = new GitProcess(path).run("--version");
      if (version.ok()) {
        return version.text().strip();
      }
      broken = true;
      return "'git --version' failed: " + version.stderr().strip();
    } catch (IOException e) {
      broken = true;
      return "cannot run git (" + e.getMessage() + "): install git and put it on PATH";
    }
  }

  private String config(Path root) {
    Path file = root.resolve(ConfigReader.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return "none (defaults)";
    }
    try {
      ConfigReader.read(file);
      return file + " (valid)";
    } catch (ConfigException e) {
      broken = true;
      return "invalid: " + e.getMessage();
    }
  }

  private static String hooks(Path root) {
    try {
      HookLayout layout = HookLayout.of(root);
      List<String> installed = new HookInstaller(layout).installed();
      String where = layout.huskyDir() != null ? " (husky)" : "";
      return installed.isEmpty()
          ? "none installed" + where
          : String.join(", ", installed) + where + ", runner " + layout.runner();
    } catch (IOException e) {
      return "none (not a git working tree)";
    }
  }
}

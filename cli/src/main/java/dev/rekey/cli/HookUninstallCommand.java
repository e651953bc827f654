package dev.rekey.cli;

import dev.rekey.cli.hook.HookInstaller;
import dev.rekey.cli.hook.HookLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rekey hook uninstall}: remove rekey's hooks and put back what was there. */
@Command(
    name = "uninstall",
    mixinStandardHelpOptions = true,
    description = {"Remove rekey's hooks and restore the hooks they chained.", ""},
    footerHeading = "%nExit codes:%n",
    footer = {"  0  removed (or nothing to remove)", "  2  not a git repository, or I/O error"})
final class HookUninstallCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "PATH",
      description = "A folder of the repository (default: the current directory).")
  Path path = Path.of(".");

  @Mixin LogOptions logOptions = new LogOptions();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Log log = logOptions.open(spec.commandLine().getErr());
    try {
      List<String> done = new HookInstaller(HookLayout.of(path)).uninstall();
      done.forEach(out::println);
      if (done.isEmpty()) {
        out.println("No rekey hook was installed.");
      }
      return ExitCode.CLEAN;
    } catch (IOException e) {
      log.error("hook.failed", "cannot uninstall the hook: " + e.getMessage(), Map.of());
      return ExitCode.ERROR;
    }
  }
}

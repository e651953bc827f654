package dev.rekey.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code rekey hook}: the git hooks that check every commit (and push) for secrets. */
@Command(
    name = "hook",
    mixinStandardHelpOptions = true,
    description = {
      "Install or remove the git hooks that stop secrets before they are committed or pushed.",
      "%nRespects core.hooksPath and husky, and chains a hook already in place.",
      ""
    },
    subcommands = {HookInstallCommand.class, HookUninstallCommand.class, HookCacheCommand.class})
final class HookCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

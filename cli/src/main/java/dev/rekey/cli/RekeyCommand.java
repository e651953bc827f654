package dev.rekey.cli;

import dev.rekey.rotators.journal.JournalEntry;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code rekey} command. */
@Command(
    name = "rekey",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Find leaked credentials in git history, working trees and client bundles, and re-key them.",
      ""
    },
    subcommands = {
      ScanCommand.class,
      ReportCommand.class,
      RotateCommand.class,
      RollbackCommand.class,
      BaselineCommand.class,
      HookCommand.class,
      SelfCheckCommand.class,
      picocli.CommandLine.HelpCommand.class
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  nothing found",
      "  1  secrets found, or a rotation left incomplete",
      "  2  usage or operational error (an error outranks findings)"
    })
final class RekeyCommand implements Runnable {
  @Spec CommandSpec spec;

  private final Terminal terminal;
  private final Map<String, String> env;
  private final Consumer<JournalEntry> journalWatcher;

  RekeyCommand(Terminal terminal, Map<String, String> env) {
    this(terminal, env, entry -> {});
  }

  RekeyCommand(Terminal terminal, Map<String, String> env, Consumer<JournalEntry> journalWatcher) {
    this.terminal = terminal;
    this.env = Map.copyOf(env);
    this.journalWatcher = journalWatcher;
  }

  /** The environment of the process (or of the test), as given to {@link Main#run}. */
  static Map<String, String> env(CommandSpec spec) {
    CommandSpec root = spec.root();
    return root.userObject() instanceof RekeyCommand rekey ? rekey.env : Map.of();
  }

  Terminal terminal() {
    return terminal;
  }

  /** The environment the command runs in (AWS credentials, state folder). */
  Map<String, String> env() {
    return env;
  }

  /** Called after each rotation journal entry is durable, as given to {@link Main#run}. */
  Consumer<JournalEntry> journalWatcher() {
    return journalWatcher;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

package dev.rekey.cli;

import dev.rekey.rotators.journal.JournalEntry;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine;
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
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  nothing found",
      "  1  secrets found, or a rotation left incomplete",
      "  2  usage or operational error (an error outranks findings)"
    })
final class RekeyCommand implements Runnable {
  /** The subcommands, in the order help lists them. */
  private static final List<Class<?>> SUBCOMMANDS =
      List.of(
          ScanCommand.class,
          ReportCommand.class,
          RotateCommand.class,
          RollbackCommand.class,
          BaselineCommand.class,
          HookCommand.class,
          SelfCheckCommand.class,
          CommandLine.HelpCommand.class);

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

  /**
   * picocli's model of {@code rekey} for {@code args}: of the one subcommand they name, when they
   * name one (building the model of every command from its annotations is a large part of a short
   * scan's start-up), else of every command (help, suggestions for a typo).
   */
  CommandLine commandLine(String[] args) {
    CommandLine line = new CommandLine(this);
    String first = args.length > 0 ? args[0] : "";
    List<Class<?>> named =
        SUBCOMMANDS.stream()
            .filter(c -> c != CommandLine.HelpCommand.class)
            .filter(c -> c.getAnnotation(Command.class).name().equals(first))
            .toList();
    (named.isEmpty() ? SUBCOMMANDS : named).forEach(line::addSubcommand);
    return line;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}

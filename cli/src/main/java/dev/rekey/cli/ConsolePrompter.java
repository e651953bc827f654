package dev.rekey.cli;

import dev.rekey.detectors.SecretValue;
import dev.rekey.rotators.Prompter;
import dev.rekey.rotators.RotationException;
import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;

/** Talks to the user on the terminal: secrets are read without echo. */
final class ConsolePrompter implements Prompter {
  private final Console console;
  private final PrintWriter out;

  private ConsolePrompter(Console console, PrintWriter out) {
    this.console = console;
    this.out = out;
  }

  /** A prompter on the terminal, or {@link Prompter#NONE} when there is none. */
  @SuppressWarnings("SystemConsoleNull") // interactive() checks isTerminal(); null is for JDK 21
  static Prompter forTerminal(Terminal terminal, PrintWriter out) {
    Console console = System.console();
    return terminal.interactive() && console != null
        ? new ConsolePrompter(console, out)
        : Prompter.NONE;
  }

  @Override
  public void show(String message) {
    out.println(message);
    out.flush();
  }

  @Override
  public SecretValue readSecret(String prompt) throws RotationException {
    out.flush();
    char[] typed = console.readPassword("%s", prompt);
    if (typed == null) {
      throw RotationException.user("no key was typed (end of input)");
    }
    return SecretValue.of(new String(typed));
  }

  @Override
  public boolean confirm(String question) {
    out.flush();
    String answer = console.readLine("%s [y/N] ", question);
    return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
  }
}

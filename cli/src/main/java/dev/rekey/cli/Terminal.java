package dev.rekey.cli;

import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.Map;

/** What the process is attached to: whether standard output is a terminal, and colour choice. */
final class Terminal {
  private final boolean interactive;
  private final boolean noColor;

  // Only the real standard output can be a terminal; tests pass their own streams.
  @SuppressWarnings("ReferenceEquality")
  Terminal(PrintStream out, Map<String, String> env) {
    this.interactive = out == System.out && stdoutIsTerminal();
    this.noColor = env.containsKey("NO_COLOR") || "dumb".equals(env.get("TERM"));
  }

  /** Whether standard output is an interactive terminal. */
  boolean interactive() {
    return interactive;
  }

  /** Whether to colour output: only on a terminal, and never when {@code NO_COLOR} is set. */
  boolean color() {
    return interactive && !noColor;
  }

  @SuppressWarnings("SystemConsoleNull") // handled: isTerminal() is asked where it exists
  private static boolean stdoutIsTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      // Console.isTerminal() exists from Java 22, where System.console() is no longer null when
      // output is redirected; on 21 a non-null console already means a terminal.
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}

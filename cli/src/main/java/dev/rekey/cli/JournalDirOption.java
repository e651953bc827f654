package dev.rekey.cli;

import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** {@code --journal-dir}: where run journals are kept, shared by the commands that read them. */
final class JournalDirOption {
  @Option(
      names = "--journal-dir",
      paramLabel = "DIR",
      description =
          "Where run journals are kept (default: $REKEY_STATE_DIR, else"
              + " $XDG_STATE_HOME/rekey/runs, else ~/.local/state/rekey/runs).")
  @Nullable Path journalDir;

  /** The option's folder, else the one the environment names, else the default one. */
  Path dir(Map<String, String> env) {
    if (journalDir != null) {
      return journalDir;
    }
    String state = env.get("REKEY_STATE_DIR");
    if (state != null) {
      return Path.of(state);
    }
    String xdg = env.get("XDG_STATE_HOME");
    if (xdg != null) {
      return Path.of(xdg, "rekey", "runs");
    }
    return Path.of(System.getProperty("user.home"), ".local", "state", "rekey", "runs");
  }
}

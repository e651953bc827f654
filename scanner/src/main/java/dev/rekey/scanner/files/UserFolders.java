package dev.rekey.scanner.files;

import java.nio.file.Path;
import java.util.Map;

/**
 * rekey's per-user folders, after the XDG base directory specification: outside every repository,
 * so a scanned repository can neither supply nor redirect what is in them.
 */
public final class UserFolders {
  private UserFolders() {}

  /** {@code $XDG_CACHE_HOME/rekey}, else {@code $HOME/.cache/rekey}. */
  public static Path cache(Map<String, String> env) {
    return base(env, "XDG_CACHE_HOME", ".cache").resolve("rekey");
  }

  /** {@code $XDG_CONFIG_HOME/rekey}, else {@code $HOME/.config/rekey}. */
  public static Path config(Map<String, String> env) {
    return base(env, "XDG_CONFIG_HOME", ".config").resolve("rekey");
  }

  /**
   * The variable's folder when it is an absolute path (the specification says to ignore others).
   */
  private static Path base(Map<String, String> env, String variable, String underHome) {
    String xdg = env.get(variable);
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg);
    }
    String home = env.get("HOME");
    String user = home != null && !home.isBlank() ? home : System.getProperty("user.home");
    return Path.of(user, underHome);
  }
}

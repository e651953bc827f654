package dev.rekey.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Recognises the command lines a hook runs ({@code rekey scan --staged}, perhaps with {@code
 * --baseline FILE}, {@code --no-baseline} or {@code --show-secrets}) so that {@link Main} can run
 * them without picocli: building picocli's model of every command from annotations is most of the
 * start-up time of a commit that takes well under a tenth of a second to scan. Anything else —
 * another flag, a path, a typo — goes the ordinary way, which parses, validates and explains.
 */
final class HookFastPath {
  private HookFastPath() {}

  /** The job {@code args} ask for, or null when they are not a plain hook command line. */
  static @Nullable ScanJob parse(String[] args) {
    if (args.length < 2 || !args[0].equals("scan")) {
      return null;
    }
    boolean staged = false;
    boolean defaultBaseline = true;
    boolean showSecrets = false;
    List<Path> baselines = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--staged" -> staged = true;
        case "--no-baseline" -> defaultBaseline = false;
        case "--show-secrets" -> showSecrets = true;
        case "--baseline" -> {
          if (++i == args.length || args[i].startsWith("-")) {
            return null;
          }
          baselines.add(Path.of(args[i]));
        }
        default -> {
          if (!args[i].startsWith("--baseline=") || args[i].length() == "--baseline=".length()) {
            return null;
          }
          baselines.add(Path.of(args[i].substring("--baseline=".length())));
        }
      }
    }
    if (!staged) {
      return null;
    }
    return ScanJob.hook(baselines, defaultBaseline, showSecrets);
  }
}

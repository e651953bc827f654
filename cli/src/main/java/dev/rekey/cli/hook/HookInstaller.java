package dev.rekey.cli.hook;

import dev.rekey.scanner.files.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Installs and removes rekey's hooks. A hook already in place is kept and chained: it is renamed
 * {@code HOOK.rekey-previous} in the same folder (so a script that finds files next to itself still
 * works), runs first, and a failure there stops the commit as before. With husky, a marked block is
 * added to husky's own script instead. Uninstalling restores exactly what was there.
 */
public final class HookInstaller {
  private final HookLayout layout;

  public HookInstaller(HookLayout layout) {
    this.layout = layout;
  }

  /** Writes the runner and installs {@code hooks}; returns one line per change, for the user. */
  public List<String> install(RunnerSettings settings, List<String> hooks) throws IOException {
    Files.createDirectories(layout.rekeyDir());
    writeExecutable(layout.runner(), HookScripts.runner(settings));
    List<String> done = new ArrayList<>();
    for (String hook : hooks) {
      done.add(layout.huskyDir() != null ? installHusky(hook) : installPlain(hook));
    }
    return done;
  }

  /** Removes every rekey hook and the runner, restoring chained hooks; one line per change. */
  public List<String> uninstall() throws IOException {
    List<String> done = new ArrayList<>();
    for (String hook : List.of("pre-commit", "pre-push")) {
      String change = layout.huskyDir() != null ? uninstallHusky(hook) : uninstallPlain(hook);
      if (change != null) {
        done.add(change);
      }
    }
    Files.deleteIfExists(layout.runner());
    try {
      Files.deleteIfExists(layout.rekeyDir());
    } catch (java.nio.file.DirectoryNotEmptyException e) {
      // Something else lives there; leave it.
    }
    return done;
  }

  /** The hooks of rekey in place (of {@code pre-commit} and {@code pre-push}), for a report. */
  public List<String> installed() throws IOException {
    List<String> found = new ArrayList<>();
    for (String hook : List.of("pre-commit", "pre-push")) {
      Path husky = layout.huskyDir();
      boolean ours =
          husky != null
              ? Files.isRegularFile(husky.resolve(hook))
                  && Files.readString(husky.resolve(hook), StandardCharsets.UTF_8)
                      .contains(HookScripts.BLOCK_START)
              : isOurs(layout.hooksDir().resolve(hook));
      if (ours) {
        found.add(hook);
      }
    }
    return found;
  }

  private String installPlain(String hook) throws IOException {
    Path file = layout.hooksDir().resolve(hook);
    Path previous = previousOf(file);
    String note = "installed " + file;
    if (Files.exists(file) && !isOurs(file)) {
      if (Files.exists(previous)) {
        throw new IOException(
            previous + " already exists and " + file + " is not rekey's: move one of them away");
      }
      Files.move(file, previous);
      note += " (the hook that was there runs first: " + previous.getFileName() + ")";
    }
    Files.createDirectories(layout.hooksDir());
    writeExecutable(file, HookScripts.wrapper(hook, layout.runner(), previous));
    return note;
  }

  private String installHusky(String hook) throws IOException {
    Path file = huskyFile(hook);
    if (Files.isSymbolicLink(file)) {
      throw new IOException(
          file
              + " is a symbolic link, which rekey does not edit through: replace it with the file");
    }
    String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    String without = withoutBlock(text);
    String base = without.isEmpty() || without.endsWith("\n") ? without : without + "\n";
    writeExecutable(file, base + HookScripts.huskyBlock(hook));
    return "added rekey to husky's " + layout.top().relativize(file);
  }

  private @Nullable String uninstallPlain(String hook) throws IOException {
    Path file = layout.hooksDir().resolve(hook);
    Path previous = previousOf(file);
    if (!Files.exists(file) || !isOurs(file)) {
      return null;
    }
    if (Files.exists(previous)) {
      Files.move(previous, file, StandardCopyOption.REPLACE_EXISTING);
      return "restored the previous " + hook + " hook in " + file;
    }
    Files.delete(file);
    return "removed " + file;
  }

  private @Nullable String uninstallHusky(String hook) throws IOException {
    Path file = huskyFile(hook);
    if (!Files.exists(file)) {
      return null;
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String without = withoutBlock(text);
    if (without.equals(text)) {
      return null;
    }
    if (without.isBlank()) {
      Files.delete(file);
      return "removed " + layout.top().relativize(file);
    }
    AtomicFile.write(file, AtomicFile.Access.AS_BEFORE, without.getBytes(StandardCharsets.UTF_8));
    return "removed rekey from husky's " + layout.top().relativize(file);
  }

  private Path huskyFile(String hook) {
    Path husky = layout.huskyDir();
    if (husky == null) {
      throw new IllegalStateException("not a husky layout");
    }
    return husky.resolve(hook);
  }

  /** {@code text} without rekey's block (and the newline before it that rekey added, if any). */
  static String withoutBlock(String text) {
    int start = text.indexOf(HookScripts.BLOCK_START);
    if (start < 0) {
      return text;
    }
    int end = text.indexOf(HookScripts.BLOCK_END, start);
    int after = end < 0 ? text.length() : text.indexOf('\n', end);
    after = after < 0 ? text.length() : after + 1;
    return text.substring(0, start) + text.substring(after);
  }

  private static Path previousOf(Path file) {
    return file.resolveSibling(file.getFileName() + ".rekey-previous");
  }

  private static boolean isOurs(Path file) throws IOException {
    if (!Files.isRegularFile(file) || Files.size(file) > 64 * 1024) {
      return false;
    }
    String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    return text.lines().limit(3).anyMatch(line -> line.contains(HookScripts.MARKER));
  }

  /** Writes a script whole, replacing (never writing through) a link at {@code file}. */
  private static void writeExecutable(Path file, String text) throws IOException {
    AtomicFile.write(file, AtomicFile.Access.AS_BEFORE, text.getBytes(StandardCharsets.UTF_8));
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system (Windows): git for Windows runs hooks without the bit.
    }
  }
}

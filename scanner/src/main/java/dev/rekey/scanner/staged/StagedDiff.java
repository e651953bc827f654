package dev.rekey.scanner.staged;

import dev.rekey.scanner.model.BlobId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the output of {@link #ARGUMENTS}: a zero-context patch of the index against {@code HEAD}
 * (or against nothing, before the first commit) with full blob ids, and keeps, per regular file,
 * the staged blob and the lines it adds. Pure renames, mode changes, binary files, symbolic links
 * and submodules add no lines and are left out.
 */
final class StagedDiff {
  /**
   * The git command line. Options the user's configuration could change are pinned: prefixes,
   * colour, external diff drivers, text conversion, relative paths and path quoting.
   */
  static final List<String> ARGUMENTS =
      List.of(
          "-c",
          "core.quotePath=false",
          "-c",
          "diff.renames=true",
          "diff",
          "--cached",
          "-U0",
          "--full-index",
          "--no-color",
          "--no-ext-diff",
          "--no-textconv",
          "--no-relative",
          "--ignore-submodules=all",
          "-M",
          "--diff-filter=ACMRT",
          "--src-prefix=a/",
          "--dst-prefix=b/");

  private static final Pattern HUNK =
      Pattern.compile("^@@ -\\d+(?:,\\d+)? \\+(\\d+)(?:,(\\d+))? @@");
  private static final Pattern INDEX =
      Pattern.compile("^index [0-9a-f]+\\.\\.([0-9a-f]+)(?: (\\d+))?$");
  private static final String ZERO_ID = "0".repeat(40);

  private final List<StagedFile> files = new ArrayList<>();
  private @Nullable Section section;

  private StagedDiff() {}

  /** The staged files of {@code patch} that add at least one line. */
  static List<StagedFile> parse(String patch) {
    StagedDiff diff = new StagedDiff();
    // Split on LF alone: a CR inside an added line must not start a new diff line.
    for (String line : patch.split("\n", -1)) {
      diff.line(line);
    }
    diff.finish();
    return List.copyOf(diff.files);
  }

  private void line(String line) {
    if (line.startsWith("diff --git ")) {
      finish();
      section = new Section();
      return;
    }
    Section current = section;
    if (current == null) {
      return;
    }
    if (line.startsWith("@@ ")) {
      current.inHunks = true;
      Matcher hunk = HUNK.matcher(line);
      if (hunk.find()) {
        int first = Integer.parseInt(hunk.group(1));
        current.added.add(first, hunk.group(2) == null ? 1 : Integer.parseInt(hunk.group(2)));
      }
    } else if (!current.inHunks) {
      current.header(line);
    }
  }

  private void finish() {
    Section done = section;
    section = null;
    if (done == null || done.path == null || done.blob == null || done.added.isEmpty()) {
      return;
    }
    if (done.binary || !isRegularFile(done.mode) || done.blob.equals(ZERO_ID)) {
      return;
    }
    files.add(new StagedFile(done.path, new BlobId(done.blob), done.added));
  }

  private static boolean isRegularFile(@Nullable String mode) {
    return mode == null || mode.equals("100644") || mode.equals("100755");
  }

  /** What the header lines of one file's patch said. */
  private static final class Section {
    @Nullable String path;
    @Nullable String blob;
    @Nullable String mode;
    boolean binary;
    boolean inHunks;
    final LineRanges added = new LineRanges();

    void header(String line) {
      if (line.startsWith("new file mode ")) {
        mode = line.substring("new file mode ".length()).trim();
      } else if (line.startsWith("new mode ")) {
        mode = line.substring("new mode ".length()).trim();
      } else if (line.startsWith("index ")) {
        Matcher index = INDEX.matcher(line);
        if (index.matches()) {
          blob = index.group(1);
          if (index.group(2) != null) {
            mode = index.group(2);
          }
        }
      } else if (line.startsWith("+++ ")) {
        path = newPath(line.substring(4));
      } else if (line.startsWith("Binary files ")) {
        binary = true;
      }
    }

    /** The path of a {@code +++} line: a trailing tab (after names with spaces) and b/ removed. */
    private static @Nullable String newPath(String text) {
      String name = text.endsWith("\t") ? text.substring(0, text.length() - 1) : text;
      if (name.equals("/dev/null")) {
        return null;
      }
      name = GitQuoting.unquote(name);
      return name.startsWith("b/") ? name.substring(2) : name;
    }
  }
}

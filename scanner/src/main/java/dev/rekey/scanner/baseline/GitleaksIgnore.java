package dev.rekey.scanner.baseline;

import dev.rekey.scanner.model.CommitInfo;
import dev.rekey.scanner.model.Finding;
import dev.rekey.scanner.model.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A {@code .gitleaksignore}: one gitleaks fingerprint per line, {@code commit:path:rule:line} from
 * a git scan or {@code path:rule:line} from a directory or staged scan; {@code #} starts a comment.
 * gitleaks' rule ids are not rekey's, so an entry matches by place: the same path and line, and the
 * same commit when the entry names one (a short id matches as a prefix).
 *
 * @param file where it was read from
 * @param entries the parsed lines
 */
public record GitleaksIgnore(Path file, List<Entry> entries) implements Baseline {
  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,64}");

  /** A line number: at most nine digits, so it always fits an int. */
  private static final Pattern LINE = Pattern.compile("\\d{1,9}");

  /**
   * One ignored place.
   *
   * @param commit the commit id or prefix, or null for every commit
   * @param path the path
   * @param rule gitleaks' rule id (kept for messages, not matched)
   * @param line the 1-based line
   */
  public record Entry(@Nullable String commit, String path, String rule, int line) {}

  public GitleaksIgnore {
    entries = List.copyOf(entries);
  }

  /**
   * Parses the text of a {@code .gitleaksignore}.
   *
   * @throws BaselineException naming the first line that is not a fingerprint: a file that is none
   *     (JSON that is not an object, say) must not pass for an empty baseline
   */
  static GitleaksIgnore parse(Path file, String text) throws BaselineException {
    List<Entry> entries = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String raw = lines[i];
      int hash = raw.indexOf('#');
      String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
      if (line.isEmpty()) {
        continue;
      }
      Entry entry = entry(line);
      if (entry == null) {
        throw new BaselineException(
            file
                + ":"
                + (i + 1)
                + ": not a baseline: expected a rekey or detect-secrets baseline (a JSON object)"
                + " or gitleaks fingerprints (commit:path:rule:line or path:rule:line)");
      }
      entries.add(entry);
    }
    return new GitleaksIgnore(file, entries);
  }

  private static @Nullable Entry entry(String line) {
    int last = line.lastIndexOf(':');
    int rule = last > 0 ? line.lastIndexOf(':', last - 1) : -1;
    if (rule <= 0 || !LINE.matcher(line.substring(last + 1)).matches()) {
      return null;
    }
    String head = line.substring(0, rule);
    String commit = null;
    int colon = head.indexOf(':');
    if (colon > 0 && COMMIT.matcher(head.substring(0, colon)).matches()) {
      commit = head.substring(0, colon);
      head = head.substring(colon + 1);
    }
    int number = Integer.parseInt(line.substring(last + 1));
    return new Entry(commit, head, line.substring(rule + 1, last), number);
  }

  @Override
  public boolean covers(Finding finding, Location location) {
    String path = location.provenance().path();
    CommitInfo commit = location.provenance().commit();
    for (Entry entry : entries) {
      if (entry.line() == location.line()
          && entry.path().equals(path)
          && (entry.commit() == null
              || (commit != null && commit.id().startsWith(entry.commit())))) {
        return true;
      }
    }
    return false;
  }
}

package dev.rekey.scanner.config;

import java.util.List;

/**
 * Finds the line of a key in TOML source, for error messages: Jackson's tree keeps no positions.
 * Understands {@code [table]} and {@code [[array]]} headers and {@code key = value} lines, which is
 * all a configuration file needs; returns 0 when it cannot tell.
 */
final class TomlLines {
  private final List<String> lines;

  TomlLines(String source) {
    this.lines = source.lines().toList();
  }

  /** The 1-based line of the header of {@code table} (its {@code index}-th, for arrays), or 0. */
  int header(String table, int index) {
    int seen = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.equals("[" + table + "]") || line.equals("[[" + table + "]]")) {
        if (seen++ == index) {
          return i + 1;
        }
      }
    }
    return 0;
  }

  /**
   * The 1-based line of {@code key} inside {@code table} (its {@code index}-th occurrence for an
   * array of tables; the empty table name for top-level keys), or the table's header line.
   */
  int key(String table, int index, String key) {
    int start = table.isEmpty() ? 0 : header(table, index);
    int dot = table.lastIndexOf('.');
    if (start == 0 && dot > 0) {
      // An inline table, e.g. severity = { … } inside [detectors]: point at its line.
      return key(table.substring(0, dot), index, table.substring(dot + 1));
    }
    for (int i = start; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("[")) {
        break;
      }
      if (matchesKey(line, key)) {
        return i + 1;
      }
    }
    return start;
  }

  private static boolean matchesKey(String line, String key) {
    for (String form : List.of(key, "\"" + key + "\"", "'" + key + "'")) {
      if (line.startsWith(form) && line.substring(form.length()).stripLeading().startsWith("=")) {
        return true;
      }
    }
    return false;
  }
}

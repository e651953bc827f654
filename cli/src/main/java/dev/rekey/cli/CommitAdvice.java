package dev.rekey.cli;

import dev.rekey.scanner.model.ScanResult;
import java.io.PrintWriter;
import java.util.Map;

/** What a blocked commit prints after the report: why, and the ways to proceed. */
final class CommitAdvice {
  private final PrintWriter err;
  private final Log log;

  CommitAdvice(PrintWriter err, Log log) {
    this.err = err;
    this.log = log;
  }

  void blocked(ScanResult fresh) {
    int count = fresh.findings().size();
    if (log.isJson()) {
      log.error(
          "commit.blocked",
          "commit blocked: the staged changes add " + count + (count == 1 ? " secret" : " secrets"),
          Map.of("findings", count));
      return;
    }
    err.println();
    err.println(
        "rekey: commit blocked: the staged changes add "
            + count
            + (count == 1 ? " secret" : " secrets")
            + " (listed above).");
    err.println("  To proceed, either:");
    err.println(
        "  - remove it from the file, then 'git add' the file again; if it was ever pushed or"
            + " shared, rotate it too;");
    err.println(
        "  - or, for a false positive or a test fixture, add 'rekey:allow' in a comment on its"
            + " line,");
    err.println(
        "    or record it in .rekey-baseline.json: rekey scan --staged --update-baseline,"
            + " then 'git add .rekey-baseline.json'.");
    err.flush();
  }
}

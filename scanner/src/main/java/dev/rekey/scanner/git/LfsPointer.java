package dev.rekey.scanner.git;

import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.pipeline.HistorySink;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Git LFS pointer files: small text files that stand for content kept on an LFS server. The pointer
 * is scanned like any text; the content it names is not fetched, and a note says so.
 */
final class LfsPointer {
  private static final byte[] VERSION =
      "version https://git-lfs.github.com/spec/".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_POINTER = 1024;
  private static final Pattern OID = Pattern.compile("(?m)^oid (\\S+)$");
  private static final Pattern SIZE = Pattern.compile("(?m)^size (\\d+)$");

  private LfsPointer() {}

  /** Notes {@code content} as an LFS pointer, if it is one; whether it is. */
  static boolean note(byte[] content, String where, HistorySink sink) {
    if (!isPointer(content)) {
      return false;
    }
    String text = new String(content, StandardCharsets.UTF_8);
    Matcher oid = OID.matcher(text);
    Matcher size = SIZE.matcher(text);
    String what =
        (oid.find() ? oid.group(1) : "unknown object")
            + (size.find() ? ", " + size.group(1) + " bytes" : "");
    sink.problem(
        Problem.skipped(
            where,
            "Git LFS pointer ("
                + what
                + "): the file itself lives on the LFS server and was not fetched or scanned"));
    return true;
  }

  static boolean isPointer(byte[] content) {
    if (content.length > MAX_POINTER || content.length < VERSION.length) {
      return false;
    }
    for (int i = 0; i < VERSION.length; i++) {
      if (content[i] != VERSION[i]) {
        return false;
      }
    }
    return true;
  }
}

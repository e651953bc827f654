package dev.rekey.scanner.git;

import dev.rekey.detectors.Companion;
import dev.rekey.detectors.Rule;
import dev.rekey.scanner.files.Sha256;
import java.io.File;
import java.net.URISyntaxException;
import java.security.CodeSource;
import java.util.List;

/**
 * Names the rules and settings a blob was scanned clean under, so that the record of scanned blobs
 * is used only by a scan that would judge them the same way: any change to a rule, the size limit
 * or the build of rekey itself gives a new key, and everything is scanned again.
 */
public final class RecordKey {
  private RecordKey() {}

  /** The key of a scan with {@code rules} and blobs up to {@code maxBlobBytes}. */
  public static String of(List<Rule> rules, long maxBlobBytes) {
    StringBuilder text = new StringBuilder("rekey-record-1\n");
    text.append(maxBlobBytes).append('\n').append(build()).append('\n');
    for (Rule rule : rules) {
      text.append(rule.id())
          .append('\0')
          .append(rule.keywords())
          .append('\0')
          .append(rule.pattern().pattern())
          .append('\0')
          .append(rule.before())
          .append(',')
          .append(rule.after())
          .append(',')
          .append(rule.minEntropy())
          .append(',')
          .append(rule.severity())
          .append(',')
          .append(stableName(rule.check().getClass()));
      Companion companion = rule.companion();
      if (companion != null) {
        text.append('\0').append(companion);
      }
      text.append('\n');
    }
    return Sha256.hex(text.toString());
  }

  /** A class's name, without the per-run suffix of a lambda's hidden class. */
  private static String stableName(Class<?> type) {
    return type.getName().replaceFirst("\\$\\$Lambda.*$", "\\$\\$Lambda");
  }

  /** The size and time of the code that holds the detectors: a new build is a new key. */
  private static String build() {
    CodeSource source = Rule.class.getProtectionDomain().getCodeSource();
    if (source == null) {
      return "unknown";
    }
    try {
      File file = new File(source.getLocation().toURI());
      return file.length() + "@" + file.lastModified();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return source.getLocation().toString();
    }
  }
}

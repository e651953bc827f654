package dev.rekey.scanner.baseline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.rekey.scanner.files.AtomicFile;
import dev.rekey.scanner.model.Finding;
import dev.rekey.scanner.model.Location;
import dev.rekey.scanner.report.InertEscapes;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * rekey's baseline, {@code .rekey-baseline.json}: one entry per finding fingerprint, so an entry
 * holds wherever the secret moves and whatever history rewrite happens.
 *
 * @param file where it is stored
 * @param entries the entries by fingerprint
 */
public record RekeyBaseline(Path file, Map<String, BaselineEntry> entries) implements Baseline {
  /** The file name rekey looks for at the top of a scanned tree. */
  public static final String FILE_NAME = ".rekey-baseline.json";

  static final int VERSION = 1;
  private static final JsonFactory JSON = InertEscapes.factory();
  private static final Comparator<BaselineEntry> ORDER =
      Comparator.comparing((BaselineEntry e) -> Objects.requireNonNullElse(e.path(), ""))
          .thenComparing(e -> Objects.requireNonNullElse(e.rule(), ""))
          .thenComparing(BaselineEntry::fingerprint);

  public RekeyBaseline {
    entries = Map.copyOf(entries);
  }

  /** An empty baseline to be stored at {@code file}. */
  public static RekeyBaseline empty(Path file) {
    return new RekeyBaseline(file, Map.of());
  }

  @Override
  public boolean covers(Finding finding, Location location) {
    return entries.containsKey(finding.fingerprint());
  }

  /**
   * A baseline of exactly {@code findings}: reasons already recorded for a fingerprint are kept,
   * new entries get {@code reason}, and entries no longer found are dropped.
   */
  public RekeyBaseline rebuiltFrom(Collection<Finding> findings, @Nullable String reason) {
    Map<String, BaselineEntry> rebuilt = new LinkedHashMap<>();
    for (Finding finding : findings) {
      BaselineEntry old = entries.get(finding.fingerprint());
      String kept = old != null && old.reason() != null ? old.reason() : reason;
      rebuilt.putIfAbsent(finding.fingerprint(), BaselineEntry.of(finding, kept));
    }
    return new RekeyBaseline(file, rebuilt);
  }

  /** This baseline plus an entry, with {@code reason}, for each of {@code findings} not in it. */
  public RekeyBaseline plus(Collection<Finding> findings, @Nullable String reason) {
    Map<String, BaselineEntry> grown = new LinkedHashMap<>(entries);
    for (Finding finding : findings) {
      grown.putIfAbsent(finding.fingerprint(), BaselineEntry.of(finding, reason));
    }
    return new RekeyBaseline(file, grown);
  }

  /** The entries in file order: by path, rule and fingerprint, so diffs stay small. */
  public List<BaselineEntry> sortedEntries() {
    return entries.values().stream().sorted(ORDER).toList();
  }

  /**
   * Writes this baseline to {@link #file()}, atomically: a link at that path (a committed {@code
   * .rekey-baseline.json -> ~/.bashrc}) is replaced by the file, never written through.
   *
   * @throws BaselineException when the file cannot be written
   */
  public void write() throws BaselineException {
    try {
      AtomicFile.write(
          file,
          AtomicFile.Access.AS_BEFORE,
          stream -> {
            Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            write(out);
            out.flush();
          });
    } catch (IOException e) {
      throw new BaselineException(
          file + ": cannot write the baseline: " + e.getMessage() + ": check the folder exists", e);
    }
  }

  /** Writes this baseline as JSON to {@code out}. */
  public void write(Writer out) throws IOException {
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeNumberField("version", VERSION);
      json.writeStringField(
          "about",
          "Known findings rekey does not report again, matched by fingerprint."
              + " Refresh with 'rekey baseline'; give each entry a reason.");
      json.writeArrayFieldStart("findings");
      for (BaselineEntry entry : sortedEntries()) {
        json.writeStartObject();
        json.writeStringField("fingerprint", entry.fingerprint());
        writeOptional(json, "rule", entry.rule());
        writeOptional(json, "redacted", entry.redacted());
        writeOptional(json, "path", entry.path());
        writeOptional(json, "reason", entry.reason());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }

  private static void writeOptional(JsonGenerator json, String name, @Nullable String value)
      throws IOException {
    if (value != null) {
      json.writeStringField(name, value);
    }
  }
}

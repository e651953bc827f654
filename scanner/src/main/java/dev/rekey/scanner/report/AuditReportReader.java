package dev.rekey.scanner.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rekey.scanner.model.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code rekey scan} report back: a JSON document ({@code --format json}) or JSON Lines
 * ({@code --format jsonl}), told apart by their content. The input is treated as hostile: its size,
 * nesting and string lengths are bounded, every field is type-checked, and errors name the finding
 * and field but never echo a value. Secrets in clear ({@code --show-secrets}) are dropped.
 */
public final class AuditReportReader {
  /** The largest report read back. */
  public static final long MAX_BYTES = 256L << 20;

  private static final String FIX = ": pass a report written by rekey scan --format json or jsonl";
  private static final ObjectMapper JSON = new ObjectMapper(factory());

  private AuditReportReader() {}

  private static JsonFactory factory() {
    StreamReadConstraints limits =
        StreamReadConstraints.builder()
            .maxNestingDepth(32)
            .maxNumberLength(40)
            .maxStringLength(4 << 20)
            .maxNameLength(1024)
            .maxDocumentLength(MAX_BYTES)
            .build();
    return JsonFactory.builder()
        .streamReadConstraints(limits)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
  }

  /** Reads the report in {@code file}; errors start with the file's name. */
  public static AuditReport read(Path file) throws ReportException {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new ReportException(
            "it is larger than " + (MAX_BYTES >> 20) + " MiB: render a smaller report");
      }
      try (InputStream in = Files.newInputStream(file)) {
        return read(JSON.getFactory().createParser(in));
      }
    } catch (NoSuchFileException e) {
      throw new ReportException(file + ": no such file: check the path", e);
    } catch (ReportException e) {
      throw new ReportException(file + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ReportException(file + ": cannot read it: " + e.getMessage(), e);
    }
  }

  /** Reads a report held in memory. */
  public static AuditReport read(String text) throws ReportException {
    try {
      return read(JSON.getFactory().createParser(text));
    } catch (IOException e) {
      throw new ReportException("cannot read the report: " + e.getMessage(), e);
    }
  }

  private static AuditReport read(JsonParser parser) throws ReportException, IOException {
    List<JsonNode> values = values(parser);
    if (values.size() == 1 && values.getFirst().has("findings")) {
      return document(new JsonFields(values.getFirst(), "the report"));
    }
    return findings(values, "line", null, List.of());
  }

  /** Every top-level JSON value in the input, in order. */
  private static List<JsonNode> values(JsonParser parser) throws ReportException, IOException {
    List<JsonNode> values = new ArrayList<>();
    try (parser;
        MappingIterator<JsonNode> iterator = JSON.readValues(parser, JsonNode.class)) {
      while (iterator.hasNextValue()) {
        values.add(iterator.nextValue());
      }
    } catch (StreamConstraintsException e) {
      throw new ReportException(
          "it exceeds a limit (size, nesting or length of a value) " + at(e.getLocation()) + FIX);
    } catch (JacksonException e) {
      throw new ReportException("it is not valid JSON " + at(e.getLocation()) + FIX);
    }
    return values;
  }

  private static String at(JsonLocation location) {
    return location == null || location.getLineNr() < 0
        ? ""
        : "(line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  private static AuditReport document(JsonFields report) throws ReportException {
    Integer version = report.optionalInteger("version");
    if (version != null && version > 1) {
      throw new ReportException(
          "it was written by a newer rekey (report version "
              + version
              + "): render it with that version");
    }
    JsonFields summary = report.optionalObject("summary");
    AuditReport.Coverage coverage = summary == null ? null : coverage(summary);
    List<Problem> problems = new ArrayList<>();
    for (JsonNode node : report.array("problems")) {
      problems.add(problem(new JsonFields(node, "problem " + (problems.size() + 1))));
    }
    return findings(report.array("findings"), "finding", coverage, problems);
  }

  private static AuditReport findings(
      List<JsonNode> nodes,
      String noun,
      AuditReport.@Nullable Coverage coverage,
      List<Problem> problems)
      throws ReportException {
    List<AuditReport.Entry> findings = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    boolean dropped = false;
    for (JsonNode node : nodes) {
      JsonFields fields = new JsonFields(node, noun + " " + (findings.size() + 1));
      AuditReport.Entry entry = ReportedFinding.read(fields);
      if (!ids.add(entry.shortId())) {
        throw new ReportException(fields.where() + " repeats the fingerprint of another" + FIX);
      }
      dropped |= fields.has("secret");
      findings.add(entry);
    }
    return new AuditReport(findings, coverage, problems, dropped, null);
  }

  private static AuditReport.Coverage coverage(JsonFields summary) throws ReportException {
    Long millis = summary.has("duration_ms") ? summary.count("duration_ms") : null;
    Boolean complete = summary.optionalBoolean("complete");
    return new AuditReport.Coverage(
        summary.has("commits_scanned") ? summary.count("commits_scanned") : 0,
        summary.has("refs_scanned") ? summary.count("refs_scanned") : 0,
        summary.count("blobs_scanned"),
        summary.count("bytes_scanned"),
        summary.count("skipped"),
        summary.count("errors"),
        complete == null || complete,
        millis == null ? null : Duration.ofMillis(millis));
  }

  private static Problem problem(JsonFields fields) throws ReportException {
    String kind = fields.text("kind");
    Problem.Kind parsed =
        switch (kind) {
          case "error" -> Problem.Kind.ERROR;
          case "skipped" -> Problem.Kind.SKIPPED;
          default -> throw fields.wrong("kind", "error or skipped");
        };
    return new Problem(parsed, fields.text("where"), fields.text("message"));
  }
}

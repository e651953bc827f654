package dev.rekey.scanner.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rekey.detectors.Engine;
import dev.rekey.detectors.rules.RuleCatalog;
import dev.rekey.scanner.model.Finding;
import dev.rekey.scanner.model.Location;
import dev.rekey.scanner.model.ScanResult;
import dev.rekey.scanner.pipeline.ScanPipeline;
import dev.rekey.scanner.pipeline.ScanSettings;
import dev.rekey.scanner.pipeline.Source;
import dev.rekey.scanner.pipeline.SourceException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Fixture keys (valid for no account) and a pipeline to scan with. */
final class Keys {
  static final String STRIPE =
      "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";
  static final String RESTRICTED =
      "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";
  static final String OPENAI =
      "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";
  static final String ANTHROPIC =
      "sk-ant-api03-XM3enOytNgMujofT5pOSaPFPbiMhVNpweLz-_0ofVrP6CGwX2jT5kWKgBRindYIYvTE7ElxRE72ZlnaRW2xBY-hNPPnkbAA";

  private static final ObjectMapper JSON = new ObjectMapper();

  private Keys() {}

  static ScanResult scan(Source... sources) throws SourceException {
    return new ScanPipeline(
            new Engine(RuleCatalog.builtIn()), ScanSettings.defaults().withThreads(2))
        .run(List.of(sources));
  }

  /** The finding of {@code rule}. */
  static Finding finding(ScanResult result, String rule) {
    return result.findings().stream()
        .filter(f -> f.rule().id().equals(rule))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no finding of " + rule + " in " + result));
  }

  /** The location of {@code finding} at {@code path}. */
  static Location at(Finding finding, String path) {
    return finding.locations().stream()
        .filter(l -> Objects.equals(l.provenance().path(), path))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no location at " + path + " in " + finding.locations()));
  }

  /** A version 3 source map. */
  static String map(List<String> sources, List<String> contents, String mappings) {
    try {
      return JSON.writeValueAsString(
          Map.of(
              "version", 3, "sources", sources, "sourcesContent", contents, "mappings", mappings));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

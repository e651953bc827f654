package dev.rekey.scanner.bundle;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rekey.scanner.model.MatchSite;
import dev.rekey.scanner.model.OriginalPosition;
import dev.rekey.scanner.model.OriginalPositions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A parsed source map (version 3, including index maps with {@code sections}): it maps positions in
 * the generated file back to original sources. Its {@code mappings} are decoded on first use, so
 * maps of files without findings cost only their parsing.
 */
final class SourceMap implements OriginalPositions {
  private static final ObjectMapper JSON =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
              .build());

  private final List<Section> sections;

  private SourceMap(List<Section> sections) {
    this.sections = List.copyOf(sections);
  }

  /** A source embedded in a map ({@code sourcesContent}), under its resolved path. */
  record Embedded(String path, String content) {}

  /** A map and the sources embedded in it. */
  record Parsed(SourceMap map, List<Embedded> embedded) {}

  /**
   * Parses a source map whose folder is {@code mapDir}; source names are resolved as {@link
   * SourceNames#resolve} does.
   *
   * @throws SourceMapException when it is not a version 3 source map
   */
  static Parsed parse(byte[] json, String mapDir, @Nullable String absoluteRoot)
      throws SourceMapException {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new SourceMapException("not valid JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject() || root.path("version").asInt(3) != 3) {
      throw new SourceMapException("not a version 3 source map");
    }
    List<Section> sections = new ArrayList<>();
    List<Embedded> embedded = new ArrayList<>();
    if (root.has("sections")) {
      for (JsonNode section : root.path("sections")) {
        JsonNode offset = section.path("offset");
        sections.add(
            Section.read(
                section.path("map"),
                offset.path("line").asInt(),
                offset.path("column").asInt(),
                new Names(mapDir, absoluteRoot),
                embedded));
      }
    } else if (root.path("mappings").isTextual()) {
      sections.add(Section.read(root, 0, 0, new Names(mapDir, absoluteRoot), embedded));
    } else {
      throw new SourceMapException("neither mappings nor sections");
    }
    return new Parsed(new SourceMap(sections), List.copyOf(embedded));
  }

  @Override
  public @Nullable OriginalPosition at(MatchSite site) {
    int line = site.line() - 1;
    int column = site.utf16Column();
    Section chosen = null;
    for (Section section : sections) {
      if (section.line < line || (section.line == line && section.column <= column)) {
        chosen = section;
      }
    }
    return chosen == null ? null : chosen.at(line, column);
  }

  /** How names are resolved for one map. */
  private record Names(String mapDir, @Nullable String absoluteRoot) {
    String resolve(@Nullable String sourceRoot, String source) {
      return SourceNames.resolve(mapDir, sourceRoot, source, absoluteRoot);
    }
  }

  /** One map (or one section of an index map) at its offset in the generated file. */
  private static final class Section {
    final int line;
    final int column;
    private final List<String> sources;
    private @Nullable String raw;
    private @Nullable Mappings decoded;

    private Section(int line, int column, List<String> sources, String raw) {
      this.line = line;
      this.column = column;
      this.sources = sources;
      this.raw = raw;
    }

    static Section read(JsonNode map, int line, int column, Names names, List<Embedded> embedded) {
      String sourceRoot =
          map.path("sourceRoot").isTextual() ? map.get("sourceRoot").asText() : null;
      List<String> sources = new ArrayList<>();
      JsonNode contents = map.path("sourcesContent");
      int index = 0;
      for (JsonNode source : map.path("sources")) {
        String path = names.resolve(sourceRoot, source.isTextual() ? source.asText() : "");
        sources.add(path);
        JsonNode content = contents.path(index++);
        if (content.isTextual()) {
          embedded.add(new Embedded(path, content.asText()));
        }
      }
      return new Section(line, column, List.copyOf(sources), map.path("mappings").asText(""));
    }

    @Nullable OriginalPosition at(int generatedLine, int generatedColumn) {
      Mappings mappings = mappings();
      if (mappings == null) {
        return null;
      }
      int relativeLine = generatedLine - line;
      int relativeColumn = relativeLine == 0 ? generatedColumn - column : generatedColumn;
      int[] found = mappings.at(relativeLine, relativeColumn);
      if (found == null || found[0] < 0 || found[0] >= sources.size()) {
        return null;
      }
      return new OriginalPosition(sources.get(found[0]), found[1] + 1, found[2] + 1);
    }

    private synchronized @Nullable Mappings mappings() {
      String text = raw;
      if (decoded == null && text != null) {
        try {
          decoded = Mappings.decode(text);
        } catch (SourceMapException e) {
          // A broken map yields no original positions; the findings themselves stand.
        }
        raw = null;
      }
      return decoded;
    }
  }
}

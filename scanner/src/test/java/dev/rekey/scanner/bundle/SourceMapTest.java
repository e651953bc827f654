package dev.rekey.scanner.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.scanner.model.MatchSite;
import dev.rekey.scanner.model.OriginalPosition;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceMapTest {

  private static MatchSite at(int line, int column0) {
    return new MatchSite(line, column0 + 1, column0, null, false, false);
  }

  private static SourceMap.Parsed parse(String json) throws SourceMapException {
    return SourceMap.parse(json.getBytes(StandardCharsets.UTF_8), "dist/assets", "/repo");
  }

  @Test
  void decodesTheSpecsVlqExamples() throws SourceMapException {
    // From the spec: "A" is 0, "C" is 1, "D" is -1, "gB" is 16, "2H" is 123.
    assertThat(MapWriter.vlq(0)).isEqualTo("A");
    assertThat(MapWriter.vlq(1)).isEqualTo("C");
    assertThat(MapWriter.vlq(-1)).isEqualTo("D");
    assertThat(MapWriter.vlq(16)).isEqualTo("gB");
    Mappings mappings = Mappings.decode("AAAA,2HAAgB;;CCCD");
    assertThat(mappings.at(0, 0)).containsExactly(0, 0, 0);
    assertThat(mappings.at(0, 123)).containsExactly(0, 0, 16);
    assertThat(mappings.at(2, 1)).containsExactly(1, 1, 15);
    assertThat(mappings.at(1, 5)).isNull();
  }

  @Test
  void mapsAGeneratedPositionToTheLastSegmentAtOrBeforeIt() throws SourceMapException {
    String mappings =
        new MapWriter().map(0, 0, 0, 0, 0).map(0, 40, 1, 6, 2).unmapped(0, 90).mappings();
    SourceMap map =
        parse(
                "{\"version\":3,\"sources\":[\"../../src/main.jsx\",\"../../src/config.js\"],"
                    + "\"mappings\":\""
                    + mappings
                    + "\"}")
            .map();
    assertThat(map.at(at(1, 10))).isEqualTo(new OriginalPosition("src/main.jsx", 1, 1));
    assertThat(map.at(at(1, 41))).isEqualTo(new OriginalPosition("src/config.js", 7, 3));
    assertThat(map.at(at(1, 95))).as("segment without a source").isNull();
    assertThat(map.at(at(2, 0))).as("no such generated line").isNull();
  }

  @Test
  void indexMapsUseTheSectionHoldingThePosition() throws SourceMapException {
    String first = new MapWriter().map(0, 0, 0, 4, 0).mappings();
    String second = new MapWriter().map(0, 0, 0, 9, 2).mappings();
    SourceMap map =
        parse(
                "{\"version\":3,\"sections\":["
                    + "{\"offset\":{\"line\":0,\"column\":0},\"map\":{\"version\":3,"
                    + "\"sources\":[\"a.js\"],\"mappings\":\""
                    + first
                    + "\"}},"
                    + "{\"offset\":{\"line\":0,\"column\":100},\"map\":{\"version\":3,"
                    + "\"sources\":[\"b.js\"],\"sourcesContent\":[\"b\"],\"mappings\":\""
                    + second
                    + "\"}}]}")
            .map();
    assertThat(map.at(at(1, 50))).isEqualTo(new OriginalPosition("dist/assets/a.js", 5, 1));
    assertThat(map.at(at(1, 130))).isEqualTo(new OriginalPosition("dist/assets/b.js", 10, 3));
  }

  @Test
  void embeddedSourcesComeWithTheirResolvedPaths() throws SourceMapException {
    SourceMap.Parsed parsed =
        parse(
            "{\"version\":3,\"sourceRoot\":\"\",\"sources\":[\"webpack://app/./src/a.js\","
                + "\"/repo/src/b.js\",\"../../src/c.js\"],"
                + "\"sourcesContent\":[\"const a = 1;\",null,\"c\"],\"mappings\":\"\"}");
    assertThat(parsed.embedded())
        .extracting(SourceMap.Embedded::path)
        .containsExactly("src/a.js", "src/c.js");
  }

  @Test
  void brokenMappingsGiveNoPositionButTheMapStillParses() throws SourceMapException {
    SourceMap map = parse("{\"version\":3,\"sources\":[\"a.js\"],\"mappings\":\"AA!A\"}").map();
    assertThat(map.at(at(1, 0))).isNull();
  }

  @Test
  void notAMapIsRejected() {
    assertThatThrownBy(() -> parse("not json")).isInstanceOf(SourceMapException.class);
    assertThatThrownBy(() -> parse("{\"version\":2,\"mappings\":\"\"}"))
        .hasMessageContaining("version 3");
    assertThatThrownBy(() -> parse("{\"version\":3}")).hasMessageContaining("mappings");
  }
}

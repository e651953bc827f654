package dev.rekey.scanner.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkupTest {

  @Test
  void markupCharactersBecomeReferencesInTextAndAttributes() {
    String hostile = "\"><img src=x onerror=alert('1')>&amp;</script>";
    String html =
        new Markup().leaf("span", hostile, "title", hostile, "data-x", hostile).toString();
    assertThat(html)
        .isEqualTo(
            "<span title=\"&quot;&gt;&lt;img src=x onerror=alert(&#39;1&#39;)&gt;&amp;amp;&lt;/script&gt;\""
                + " data-x=\"&quot;&gt;&lt;img src=x onerror=alert(&#39;1&#39;)&gt;&amp;amp;&lt;/script&gt;\">"
                + "&quot;&gt;&lt;img src=x onerror=alert(&#39;1&#39;)&gt;&amp;amp;&lt;/script&gt;</span>");
  }

  @Test
  void controlCharactersBidiOverridesAndLoneSurrogatesAreReplaced() {
    assertThat(Markup.escape("a\u0000b\u0007c\u001bd\u202Ee\u2066f\ud800g"))
        .isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg");
    assertThat(Markup.escape("tab\tnew\nline \uD83D\uDD11 é"))
        .isEqualTo("tab\tnew\nline \uD83D\uDD11 é");
  }

  @Test
  void aNullAttributeIsLeftOutAndANullTextWritesNothing() {
    assertThat(new Markup().leaf("p", null, "class", null, "id", "x").toString())
        .isEqualTo("<p id=\"x\"></p>\n");
  }
}

package dev.rekey.scanner.report;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * HTML being written, escaped by default: every text and attribute value goes through {@link
 * #escape}, so a path, author or snippet from a hostile repository stays text in any context the
 * page uses (element content, quoted attributes, SVG). Only the page's own constant markup and
 * assets go through {@link #raw}. Tag and attribute names are always constants of this package.
 */
final class Markup {
  private static final Set<String> BLOCKS =
      Set.of(
          "article",
          "dd",
          "div",
          "dl",
          "fieldset",
          "figcaption",
          "figure",
          "footer",
          "form",
          "g",
          "h1",
          "h2",
          "h3",
          "header",
          "li",
          "main",
          "p",
          "section",
          "svg",
          "table",
          "tbody",
          "thead",
          "tr",
          "ul");

  private final StringBuilder html = new StringBuilder(64 * 1024);

  /** Opens {@code tag}; {@code attributes} are name, value pairs, a null value leaves one out. */
  Markup open(String tag, @Nullable String... attributes) {
    start(tag);
    for (int i = 0; i + 1 < attributes.length; i += 2) {
      attribute(attributes[i], attributes[i + 1]);
    }
    return end();
  }

  /** Starts {@code tag}: {@link #attribute} then {@link #end} follow. */
  Markup start(String tag) {
    html.append('<').append(tag);
    return this;
  }

  /** One attribute of the tag being started; none for a null value. */
  Markup attribute(String name, @Nullable String value) {
    if (value != null) {
      html.append(' ').append(name).append("=\"");
      escape(value, html);
      html.append('"');
    }
    return this;
  }

  /** Ends the tag being started. */
  Markup end() {
    html.append('>');
    return this;
  }

  /** Closes {@code tag}; a block ends its line, so that the page's source reads line by line. */
  Markup close(String tag) {
    html.append("</").append(tag).append('>');
    if (BLOCKS.contains(tag)) {
      html.append('\n');
    }
    return this;
  }

  /** {@code <tag attributes>text</tag>}. */
  Markup leaf(String tag, @Nullable Object text, @Nullable String... attributes) {
    return open(tag, attributes).text(text).close(tag);
  }

  /** Escaped text; nothing for null. */
  Markup text(@Nullable Object text) {
    if (text != null) {
      escape(String.valueOf(text), html);
    }
    return this;
  }

  /** Markup written by this package: constants and assets, never input. */
  Markup raw(String markup) {
    html.append(markup);
    return this;
  }

  Markup newline() {
    html.append('\n');
    return this;
  }

  @Override
  public String toString() {
    return html.toString();
  }

  /**
   * Appends {@code text} safe for element content and quoted attribute values: markup characters
   * become references; control characters, unpaired surrogates and bidirectional overrides (which
   * could make a path read as another) become U+FFFD.
   */
  static void escape(String text, StringBuilder out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else {
            out.append(shown(c) ? c : '\uFFFD');
          }
        }
      }
    }
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    escape(text, out);
    return out.toString();
  }

  private static boolean shown(char c) {
    if (c == '\n' || c == '\t') {
      return true;
    }
    boolean bidi = (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    return !Character.isISOControl(c) && !Character.isSurrogate(c) && !bidi;
  }
}

package dev.rekey.scanner.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * JSON escapes for reports: beyond the C0 controls JSON itself escapes, DEL, the C1 controls and
 * the Unicode format characters of {@link InertText} are written as {@code \\uXXXX}, so a report
 * shown on a terminal is as inert as the text one.
 */
public final class InertEscapes extends CharacterEscapes {
  private static final long serialVersionUID = 1L;

  private static final JsonFactory FACTORY =
      JsonFactory.builder().build().setCharacterEscapes(new InertEscapes());

  private final int[] ascii;

  /** A JSON factory whose generators write with these escapes. */
  public static JsonFactory factory() {
    return FACTORY;
  }

  public InertEscapes() {
    ascii = standardAsciiEscapesForJSON();
    ascii[0x7f] = ESCAPE_CUSTOM;
  }

  @Override
  public int[] getEscapeCodesForAscii() {
    return ascii.clone();
  }

  @Override
  public @Nullable SerializableString getEscapeSequence(int c) {
    return InertText.control(c)
        ? new SerializedString(String.format(Locale.ROOT, "\\u%04x", c))
        : null;
  }
}

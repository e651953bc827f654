package dev.rekey.cli;

import dev.rekey.scanner.report.InertText;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * A writer that passes line breaks and escapes every other control character ({@link InertText}),
 * for output that mixes rekey's words with text from a scanned repository or a provider (plans,
 * step logs): nothing written through it can drive the terminal.
 */
final class InertWriter extends FilterWriter {
  private InertWriter(Writer out) {
    super(out);
  }

  /** {@code out}, made inert. */
  static PrintWriter wrap(PrintWriter out) {
    return new PrintWriter(new InertWriter(out), true);
  }

  @Override
  public void write(int c) throws IOException {
    write(String.valueOf((char) c));
  }

  @Override
  public void write(char[] buffer, int offset, int length) throws IOException {
    write(new String(buffer, offset, length));
  }

  @Override
  public void write(String text, int offset, int length) throws IOException {
    out.write(InertText.lines(text.substring(offset, offset + length)));
  }
}

package dev.rekey.scanner.pipeline;

/** Tells binary content from text the way git does: a NUL byte in the first 8000 bytes. */
public final class Binary {
  private static final int PROBE = 8000;

  private Binary() {}

  /** Whether {@code content} holds a NUL byte in its first 8000 bytes. */
  public static boolean looksBinary(byte[] content) {
    int end = Math.min(content.length, PROBE);
    for (int i = 0; i < end; i++) {
      if (content[i] == 0) {
        return true;
      }
    }
    return false;
  }
}

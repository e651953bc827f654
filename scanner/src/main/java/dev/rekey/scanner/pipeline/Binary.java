package dev.rekey.scanner.pipeline;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Tells binary content from text the way git does: a NUL byte in the first 8000 bytes. */
public final class Binary {
  private static final int PROBE = 8000;

  /** Eight bytes at a time: every blob of a history is probed, most of them text. */
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  private Binary() {}

  /** Whether {@code content} holds a NUL byte in its first 8000 bytes. */
  public static boolean looksBinary(byte[] content) {
    int end = Math.min(content.length, PROBE);
    int i = 0;
    for (; i + Long.BYTES <= end; i += Long.BYTES) {
      long word = (long) LONGS.get(content, i);
      if (((word - ONES) & ~word & HIGHS) != 0) {
        return true; // some byte of the word is zero (exact: no false positive for a zero test)
      }
    }
    for (; i < end; i++) {
      if (content[i] == 0) {
        return true;
      }
    }
    return false;
  }
}

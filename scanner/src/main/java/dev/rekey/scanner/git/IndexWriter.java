package dev.rekey.scanner.git;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.eclipse.jgit.lib.AnyObjectId;

/** Builds the bytes of a {@link HistoryIndexFile}: big-endian numbers, then a CRC-32C of them. */
final class IndexWriter {
  private ByteBuffer out = ByteBuffer.allocate(1 << 20);
  private final byte[] id = new byte[20];

  IndexWriter(byte[] magic) {
    out.put(magic);
  }

  private ByteBuffer room(int bytes) {
    if (out.remaining() < bytes) {
      ByteBuffer bigger = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + bytes));
      bigger.put(out.array(), 0, out.position());
      out = bigger;
    }
    return out;
  }

  void putInt(int value) {
    room(Integer.BYTES).putInt(value);
  }

  void putLong(long value) {
    room(Long.BYTES).putLong(value);
  }

  void put(byte value) {
    room(1).put(value);
  }

  void id(AnyObjectId value) {
    value.copyRawTo(id, 0);
    room(id.length).put(id);
  }

  void string(String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    putInt(bytes.length);
    room(bytes.length).put(bytes);
  }

  /** The bytes written, followed by their checksum. */
  byte[] finish() {
    CRC32C crc = new CRC32C();
    crc.update(out.array(), 0, out.position());
    putLong(crc.getValue());
    return Arrays.copyOf(out.array(), out.position());
  }
}

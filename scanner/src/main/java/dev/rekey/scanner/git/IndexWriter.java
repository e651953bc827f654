package dev.rekey.scanner.git;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import org.eclipse.jgit.lib.AnyObjectId;

/** Builds the bytes of a {@link HistoryIndexFile}: big-endian numbers, then a CRC-32C of them. */
final class IndexWriter {
  private ByteBuffer out;
  private final byte[] id = new byte[20];

  IndexWriter(byte[] magic) {
    this(magic, 1 << 20);
  }

  /** A writer with room for about {@code expected} bytes (it grows past them if needed). */
  IndexWriter(byte[] magic, long expected) {
    out = ByteBuffer.allocate((int) Math.clamp(expected, magic.length, Integer.MAX_VALUE - 64));
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

  void putLongs(long[] values) {
    ByteBuffer to = room(values.length * Long.BYTES);
    to.asLongBuffer().put(values);
    to.position(to.position() + values.length * Long.BYTES);
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

  /**
   * Writes the bytes written, followed by their checksum, to {@code file} (atomically, readable by
   * the user only).
   *
   * @throws IOException when it cannot be written
   */
  void writeTo(Path file) throws IOException {
    CRC32C crc = new CRC32C();
    crc.update(out.array(), 0, out.position());
    putLong(crc.getValue());
    CacheFolder.writeAtomically(file, out.array(), out.position());
  }
}

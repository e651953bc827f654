package dev.rekey.scanner.git;

import dev.rekey.scanner.files.RepositoryCache;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * The per-repository record of blobs already scanned and found clean, so a repeat scan reads only
 * what is new. It lives in the user's cache folder for the repository ({@link RepositoryCache}),
 * never in the repository: a blob id added to a record that arrived with an archived {@code .git}
 * folder or a shared CI cache would hide that blob's secrets from every later scan. It is tied to a
 * key naming the rules and settings it was made with, and a scan under another key ignores and
 * replaces it. Blobs that held a match are never recorded, so their findings are reported on every
 * scan.
 *
 * <p>The ids are kept sorted and the file is mapped, not loaded: a repeat scan that asks about a
 * few blobs reads a few pages of it. A file whose ids are out of order answers wrongly only "not
 * recorded" (the blob is read again), never "clean" for a blob it does not name.
 */
final class ScanRecord {
  private static final byte[] MAGIC = "REKEYSB2".getBytes(StandardCharsets.US_ASCII);
  private static final int ID_BYTES = 20;

  /** The name of the record in a repository's cache folder. */
  static final String FILE_NAME = "clean-blobs";

  private final RepositoryCache cache;
  private final String key;
  private final IdTable added = new IdTable();
  private ByteBuffer stored = ByteBuffer.allocate(0);

  private ScanRecord(RepositoryCache cache, String key) {
    this.cache = cache;
    this.key = key;
  }

  /** The record kept in {@code cache}, for scans under {@code key}. */
  static ScanRecord load(RepositoryCache cache, String key) {
    ScanRecord record = new ScanRecord(cache, key);
    Path file = cache.dir().resolve(FILE_NAME);
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      ByteBuffer ids = ids(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()), key);
      if (ids != null) {
        record.stored = ids;
      }
    } catch (IOException | RuntimeException e) {
      // No record yet, or a damaged one: everything is scanned and the record written anew.
    }
    return record;
  }

  /** The sorted ids of a record made under {@code key}, or null. */
  private static @Nullable ByteBuffer ids(ByteBuffer file, String key) {
    byte[] header = header(key);
    if (file.limit() < header.length + Integer.BYTES
        || !file.slice(0, header.length).equals(ByteBuffer.wrap(header))) {
      return null;
    }
    int count = file.getInt(header.length);
    int from = header.length + Integer.BYTES;
    if (count < 0 || (long) count * ID_BYTES > file.limit() - from) {
      return null;
    }
    return file.slice(from, count * ID_BYTES);
  }

  private static byte[] header(String key) {
    byte[] text = key.getBytes(StandardCharsets.UTF_8);
    ByteBuffer header = ByteBuffer.allocate(MAGIC.length + Integer.BYTES + text.length);
    return header.put(MAGIC).putInt(text.length).put(text).array();
  }

  boolean contains(AnyObjectId id) {
    return added.contains(id) || stored(id);
  }

  /** Binary search of the stored ids, compared as unsigned bytes. */
  private boolean stored(AnyObjectId id) {
    byte[] raw = new byte[ID_BYTES];
    id.copyRawTo(raw, 0);
    int low = 0;
    int high = stored.limit() / ID_BYTES - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      int order = compare(middle, raw);
      if (order < 0) {
        low = middle + 1;
      } else if (order > 0) {
        high = middle - 1;
      } else {
        return true;
      }
    }
    return false;
  }

  private int compare(int index, byte[] raw) {
    int at = index * ID_BYTES;
    for (int i = 0; i < ID_BYTES; i++) {
      int order = Integer.compare(stored.get(at + i) & 0xff, raw[i] & 0xff);
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }

  void add(AnyObjectId id) {
    if (!stored(id)) {
      added.add(id);
    }
  }

  int size() {
    return stored.limit() / ID_BYTES + added.size();
  }

  /**
   * Writes the record, atomically and readable only by the user; nothing when nothing was added.
   *
   * @throws IOException when the cache folder is not writable
   */
  void save() throws IOException {
    if (added.size() == 0 && stored.limit() > 0) {
      return;
    }
    int[] order = added.sorted();
    ObjectId[] fresh = new ObjectId[order.length];
    Arrays.setAll(fresh, i -> added.get(order[i]));
    cache.write(
        FILE_NAME,
        stream -> {
          DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16));
          out.write(header(key));
          out.writeInt(size());
          merge(fresh, out);
          out.flush();
        });
  }

  /** Writes the stored ids and {@code fresh} (both sorted) as one sorted run. */
  private void merge(ObjectId[] fresh, DataOutputStream out) throws IOException {
    byte[] raw = new byte[ID_BYTES];
    byte[] next = new byte[ID_BYTES];
    int count = stored.limit() / ID_BYTES;
    int s = 0;
    for (ObjectId id : fresh) {
      id.copyRawTo(next, 0);
      for (; s < count && compare(s, next) < 0; s++) {
        stored.get(s * ID_BYTES, raw);
        out.write(raw);
      }
      out.write(next);
    }
    for (; s < count; s++) {
      stored.get(s * ID_BYTES, raw);
      out.write(raw);
    }
  }

  /** Where the record is kept, for messages. */
  String where() {
    return cache.dir().resolve(FILE_NAME).toString();
  }
}

package dev.rekey.scanner.git;

import dev.rekey.scanner.files.RepositoryCache;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The per-repository record of blobs already scanned and found clean, so a repeat scan reads only
 * what is new. It lives in the user's cache folder for the repository ({@link RepositoryCache}),
 * never in the repository: a blob id added to a record that arrived with an archived {@code .git}
 * folder or a shared CI cache would hide that blob's secrets from every later scan. It is tied to a
 * key naming the rules and settings it was made with, and a scan under another key ignores and
 * replaces it. Blobs that held a match are never recorded, so their findings are reported on every
 * scan.
 */
final class ScanRecord {
  private static final byte[] MAGIC = "REKEYSB1".getBytes(StandardCharsets.US_ASCII);
  private static final int ID_BYTES = 20;

  /** The name of the record in a repository's cache folder. */
  static final String FILE_NAME = "clean-blobs";

  private final RepositoryCache cache;
  private final String key;
  private final IdTable ids = new IdTable();

  private ScanRecord(RepositoryCache cache, String key) {
    this.cache = cache;
    this.key = key;
  }

  /** The record kept in {@code cache}, for scans under {@code key}. */
  static ScanRecord load(RepositoryCache cache, String key) {
    ScanRecord record = new ScanRecord(cache, key);
    try (InputStream stored = cache.open(FILE_NAME)) {
      if (stored != null) {
        record.read(new DataInputStream(new BufferedInputStream(stored, 1 << 16)));
      }
    } catch (IOException e) {
      // A damaged record: everything is scanned and the record written anew.
    }
    return record;
  }

  private void read(DataInputStream in) throws IOException {
    byte[] magic = in.readNBytes(MAGIC.length);
    String storedKey = in.readUTF();
    if (!Arrays.equals(magic, MAGIC) || !storedKey.equals(key)) {
      return;
    }
    int count = in.readInt();
    byte[] raw = new byte[ID_BYTES];
    for (int i = 0; i < count; i++) {
      in.readFully(raw);
      ids.add(ObjectId.fromRaw(raw));
    }
  }

  boolean contains(AnyObjectId id) {
    return ids.contains(id);
  }

  void add(AnyObjectId id) {
    ids.add(id);
  }

  int size() {
    return ids.size();
  }

  /**
   * Writes the record, atomically and readable only by the user.
   *
   * @throws IOException when the cache folder is not writable
   */
  void save() throws IOException {
    cache.write(
        FILE_NAME,
        stream -> {
          DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16));
          out.write(MAGIC);
          out.writeUTF(key);
          out.writeInt(ids.size());
          byte[] raw = new byte[ID_BYTES];
          for (int i = 0; i < ids.size(); i++) {
            ids.get(i).copyRawTo(raw, 0);
            out.write(raw);
          }
          out.flush();
        });
  }

  /** Where the record is kept, for messages. */
  String where() {
    return cache.dir().resolve(FILE_NAME).toString();
  }
}

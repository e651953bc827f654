package dev.rekey.scanner.git;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The per-repository record of blobs already scanned and found clean, so a repeat scan reads only
 * what is new. It lives in the repository's git folder, {@code .git/rekey/scanned-blobs}, next to
 * what it describes and out of the working tree; it is tied to a key naming the rules and settings
 * it was made with, and a scan under another key ignores and replaces it. Blobs that held a match
 * are never recorded, so their findings are reported on every scan.
 */
final class ScanRecord {
  private static final byte[] MAGIC = "REKEYSB1".getBytes(StandardCharsets.US_ASCII);
  private static final int ID_BYTES = 20;

  private final Path file;
  private final String key;
  private final IdTable ids = new IdTable();

  private ScanRecord(Path file, String key) {
    this.file = file;
    this.key = key;
  }

  /** The record of the repository whose (common) git folder is {@code gitDir}. */
  static ScanRecord load(Path gitDir, String key) {
    ScanRecord record = new ScanRecord(gitDir.resolve("rekey").resolve("scanned-blobs"), key);
    try (DataInputStream in = new DataInputStream(open(record.file))) {
      record.read(in);
    } catch (IOException e) {
      // No record yet, or a damaged one: everything is scanned and the record written anew.
    }
    return record;
  }

  private static InputStream open(Path file) throws IOException {
    return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
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
   * Writes the record: to a temporary file first, then moved into place, so a reader never sees
   * half of it.
   *
   * @throws IOException when the git folder is not writable
   */
  void save() throws IOException {
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), "scanned-blobs", ".tmp");
    try (DataOutputStream out = new DataOutputStream(buffered(temp))) {
      out.write(MAGIC);
      out.writeUTF(key);
      out.writeInt(ids.size());
      byte[] raw = new byte[ID_BYTES];
      for (int i = 0; i < ids.size(); i++) {
        ids.get(i).copyRawTo(raw, 0);
        out.write(raw);
      }
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static OutputStream buffered(Path file) throws IOException {
    return new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
  }

  Path file() {
    return file;
  }
}

package dev.rekey.scanner.git;

import dev.rekey.detectors.KeywordHits;
import dev.rekey.detectors.KeywordScanner;
import dev.rekey.scanner.pipeline.Binary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.eclipse.jgit.internal.storage.pack.BinaryDelta;
import org.eclipse.jgit.lib.Constants;
import org.jspecify.annotations.Nullable;

/**
 * One thread's reader of blobs from one pack, read in pack order. Every object it builds — whole or
 * from a delta — stays in a bounded cache keyed by its offset, so a delta chain read front to back
 * inflates and applies each link once. (JGit keeps only the base just below the object asked for,
 * so each object of a chain costs it two inflations and two delta applications.) Anything unusual —
 * a base in another pack, an object larger than the scan's limit, damaged data — returns null or
 * throws, and the caller reads that object through JGit instead.
 */
final class PackStream implements AutoCloseable {
  private static final int OBJ_OFS_DELTA = 6;
  private static final int OBJ_REF_DELTA = 7;
  private static final int HEADER = 32;

  /**
   * Delta chains deeper than this are refused as damaged (git writes 50 by default, 4095 at most).
   */
  static final int MAX_CHAIN = 10_000;

  /** Compressed objects larger than this are read after their header, to bound them by size. */
  private static final long LARGE = 1 << 20;

  /** Bytes read at once by a planned stream: the object asked for and those after it. */
  private static final int READ_AHEAD = 8 << 10;

  /**
   * Bytes read at once by a stream reading objects as they are asked for (trees and commits while
   * listing): the trees of neighbouring commits lie near each other in a pack, so the next one is
   * often among them. On rails (4 KiB against exact reads) the listing's workers took 0.4-0.9 s
   * less CPU; 16 KiB gained less, 64 KiB cost 3 s more.
   */
  private static final int NEAR_AHEAD = 4 << 10;

  private final PackFiles.Pack pack;
  private final long maxBytes;
  private final @Nullable KeywordScanner scanner;
  private final Inflater inflater = new Inflater();
  private final BuiltCache cache;
  private final PackFiles.Ends ends;
  private byte[] buffer = new byte[1 << 16];
  private long bufferStart = -1;

  /** Bytes read at once: {@link #READ_AHEAD} once planned (reading in pack order). */
  private int readAhead = NEAR_AHEAD;

  private int bufferLength;

  /**
   * @param scanner the keyword pass, to work out where keywords occur in the blobs read (see {@link
   *     Delta}), or null
   */
  PackStream(
      PackFiles.Pack pack, long maxBytes, BuiltCache cache, @Nullable KeywordScanner scanner) {
    this.pack = pack;
    this.maxBytes = maxBytes;
    this.scanner = scanner;
    this.cache = cache;
    this.ends = pack.ends();
  }

  /**
   * The blob at {@code offset}, or null when this reader does not handle it (leave it to JGit).
   *
   * @throws IOException when the pack cannot be read or its data is damaged
   */
  @Nullable Built blob(long offset) throws IOException {
    Built built = resolve(offset, 0);
    return built != null && built.type() == Constants.OBJ_BLOB ? built : null;
  }

  /** The object of the given type at {@code offset}, or null (see {@link #blob(long)}). */
  byte @Nullable [] read(long offset, int type) throws IOException {
    Built built = resolve(offset, 0);
    return built != null && built.type() == type ? built.content() : null;
  }

  /**
   * An object built from the pack: the type of the whole object at its chain's root, the content,
   * and where the keywords occur in it (null when not worked out: no keyword pass, a binary root).
   */
  @SuppressWarnings("ArrayRecordComponent") // content is shared, never compared
  record Built(int type, byte[] content, @Nullable KeywordHits hits) {}

  private @Nullable Built resolve(long offset, int depth) throws IOException {
    Built known = cache.get(offset);
    if (known != null) {
      return known;
    }
    if (depth > MAX_CHAIN) {
      throw new IOException("delta chain too deep at offset " + offset);
    }
    Entry entry = header(offset);
    Built built;
    if (entry.type() == OBJ_OFS_DELTA || entry.type() == OBJ_REF_DELTA) {
      Built base = resolve(entry.base(), depth + 1);
      if (base == null) {
        return null;
      }
      byte[] delta = inflate(entry);
      if (BinaryDelta.getResultSize(delta) > maxBytes) {
        return null;
      }
      Delta.Result result = Delta.apply(base.content(), delta, scanner, base.hits());
      built = new Built(base.type(), result.content(), result.hits());
      cache.put(offset, built, entry.base());
      return built;
    } else if (entry.type() >= Constants.OBJ_COMMIT
        && entry.type() <= Constants.OBJ_TAG
        && entry.size() <= maxBytes) {
      byte[] content = inflate(entry);
      KeywordScanner pass = scanner;
      boolean text = entry.type() == Constants.OBJ_BLOB && !Binary.looksBinary(content);
      built = new Built(entry.type(), content, pass != null && text ? pass.scan(content) : null);
    } else {
      return null;
    }
    cache.put(offset, built, -1);
    return built;
  }

  /**
   * Plans the reading of a unit of blobs (in pack order, see {@link DeltaFamilies}): {@code
   * pending} counts, for every object they are built from, how many objects of the unit are built
   * on it, so each is kept exactly until its last delta has been applied (see {@link
   * BuiltCache.Planned}).
   */
  void plan(OffsetCounts pending) {
    readAhead = READ_AHEAD;
    cache.plan(pending);
  }

  /**
   * The offset of the base of the object at {@code offset}, or -1 for a whole object. Bases are
   * looked up in pack order to plan a reading: from now on the stream reads ahead.
   *
   * @throws IOException when the header is damaged or the base is in another pack
   */
  long baseOf(long offset) throws IOException {
    readAhead = READ_AHEAD;
    Slice slice = span(offset, Math.min(offset + HEADER, pack.trailer()));
    return parse(slice.array(), slice.at(), offset).base();
  }

  /** An object's header: its type, inflated size, where its data starts, and its base if any. */
  private record Entry(int type, long size, long data, long end, long base) {}

  /**
   * The header of the object at {@code offset}, read with its data in one call when the pack says
   * where the object ends and it is not large; else the data's end is bounded by its size.
   */
  private Entry header(long offset) throws IOException {
    long end = ends.of(offset);
    boolean whole = end >= 0 && end - offset <= LARGE;
    Slice slice = span(offset, whole ? end : Math.min(offset + HEADER, pack.trailer()));
    Entry parsed = parse(slice.array(), slice.at(), offset);
    long bound = Math.min(deflated(parsed), end >= 0 ? end : pack.trailer());
    return new Entry(
        parsed.type(), parsed.size(), parsed.data(), whole ? end : bound, parsed.base());
  }

  /**
   * Where the object's compressed data ends at the latest: deflate grows no data by more than
   * zlib's compressBound. A stream that does (no compressor writes one) fails to inflate within it,
   * and the object is read through JGit.
   */
  private static long deflated(Entry entry) {
    long size = entry.size();
    return entry.data() + size + (size >> 12) + (size >> 14) + (size >> 25) + 13 + HEADER;
  }

  /** Parses the header at {@code h[start]}, the object at pack offset {@code offset}. */
  private Entry parse(byte[] h, int start, long offset) throws IOException {
    int p = start;
    int c = h[p++] & 0xff;
    int type = (c >> 4) & 7;
    long size = c & 15;
    for (int shift = 4; (c & 0x80) != 0; shift += 7) {
      c = h[p++] & 0xff;
      size += (long) (c & 0x7f) << shift;
    }
    long base = -1;
    if (type == OBJ_OFS_DELTA) {
      c = h[p++] & 0xff;
      long back = c & 127;
      while ((c & 128) != 0) {
        c = h[p++] & 0xff;
        back = ((back + 1) << 7) + (c & 127);
      }
      base = offset - back;
    } else if (type == OBJ_REF_DELTA) {
      base = pack.offsetOf(h, p);
      p += Constants.OBJECT_ID_LENGTH;
      if (base < 0) {
        throw new IOException("delta base not in this pack (offset " + offset + ")");
      }
    }
    return new Entry(type, size, offset + p - start, -1, base);
  }

  /** Bytes of the pack: {@code array[at]} is the byte at the offset asked for. */
  @SuppressWarnings("ArrayRecordComponent") // a view, never compared
  private record Slice(byte[] array, int at) {}

  /**
   * The pack's bytes {@code [from, to)}: from the buffer when they are in it, else read into it
   * with the bytes after them, up to {@link #readAhead} in all. A planned stream reads in pack
   * order, so the next object asked for is often among those bytes: fewer reads than one per object
   * (or two: the plan reads every header first).
   */
  private Slice span(long from, long to) throws IOException {
    if (from >= bufferStart && to <= bufferStart + bufferLength) {
      return new Slice(buffer, (int) (from - bufferStart));
    }
    int length = Math.toIntExact(Math.max(to, Math.min(from + readAhead, pack.length())) - from);
    if (buffer.length < length) {
      buffer = new byte[Integer.highestOneBit(length) << 1];
    }
    bufferStart = -1; // not valid until filled
    fill(buffer, from, length);
    bufferStart = from;
    bufferLength = length;
    return new Slice(buffer, 0);
  }

  private void fill(byte[] target, long from, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(target, 0, length);
    while (buffer.hasRemaining()) {
      if (pack.channel().read(buffer, from + buffer.position()) < 0) {
        throw new IOException("pack truncated at offset " + from);
      }
    }
  }

  private byte[] inflate(Entry entry) throws IOException {
    int length = Math.toIntExact(entry.end() - entry.data());
    Slice slice = span(entry.data(), entry.end());
    byte[] out = new byte[Math.toIntExact(entry.size())];
    inflater.reset();
    inflater.setInput(slice.array(), slice.at(), length);
    try {
      int n = inflater.inflate(out);
      if (n != out.length || !inflater.finished()) {
        throw new IOException("object at offset " + entry.data() + " does not inflate to its size");
      }
    } catch (DataFormatException e) {
      throw new IOException("bad compressed data at offset " + entry.data(), e);
    }
    return out;
  }

  @Override
  public void close() {
    inflater.end();
  }
}

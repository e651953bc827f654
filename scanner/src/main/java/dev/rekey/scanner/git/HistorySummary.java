package dev.rekey.scanner.git;

import dev.rekey.scanner.model.CommitInfo;
import dev.rekey.scanner.model.CommitSet;
import dev.rekey.scanner.model.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * What the last scan of a whole history concluded, kept so that a repeat scan can start from it
 * ({@link RepeatScan}) instead of listing the history again: the tips it started from, every blob
 * that held a match with every place a commit introduced it, the commits carrying it (numbered as
 * {@link KnownCommits} numbers them), the refs reaching it and whether the default branch's tip
 * holds it; the commits whose message held a match; the blobs to read again (unreadable last time,
 * or named by a tip outside any commit); the notes the listing made. Commits and clean blobs met by
 * repeat scans since the last full listing are added here. Kept in the user's cache folder, tied to
 * the rules and settings ({@code key}) and the repository; a file that fails its checksum or does
 * not parse is ignored.
 *
 * @param generation ties the summary to the {@link KnownCommits} written with it
 * @param tipNumbers the number of the commit each tip ends at (-1 for a blob or tree): a repeat
 *     knows the commits of 52k unchanged tips without looking them up
 * @param known commits numbered so far: those of {@link KnownCommits}, then {@code extra}'s
 */
@SuppressWarnings({
  "JdkObsolete", // BitSet: the tips reaching a blob
  "ArrayRecordComponent" // tipNumbers: written and read, never compared
})
record HistorySummary(
    long generation,
    @Nullable String defaultBranch,
    ObjectId defaultTip,
    List<Tip> tips,
    int[] tipNumbers,
    List<Target> targets,
    List<Place> reread,
    List<ObjectId> messageCommits,
    List<Problem> notes,
    List<Extra> extra,
    List<ObjectId> clean) {
  private static final byte[] MAGIC = "REKEYHS5".getBytes(StandardCharsets.US_ASCII);

  /**
   * A tip and the object it ends at (through tags): a commit, or a blob or tree (direct); {@code
   * message} when a tag on the way has a message that held a match (or might: read it again).
   */
  record Tip(String name, ObjectId id, ObjectId object, int type, boolean message) {}

  /** A place a blob sits at: a commit and path, or no commit (zero id) for a tip naming it. */
  record Place(ObjectId blob, @Nullable CommitInfo commit, String path) {}

  /**
   * A blob that held a match: where it was introduced, the commits carrying it (as runs of their
   * numbers: a few kilobytes where a bit per commit cost 20 KB a blob on rails), the tips reaching
   * one of them (by their place in {@link #tips}; targets reached from the same tips share one set,
   * kept once in the file), whether the default branch's tip holds it and, when it does not, the
   * commit of that branch that removed it (null when it never held it).
   */
  record Target(
      ObjectId blob,
      List<Place> places,
      CommitSet holders,
      BitSet refs,
      boolean atTip,
      @Nullable CommitInfo left) {}

  /** A commit a repeat scan met after the last full listing, with its parents' numbers. */
  @SuppressWarnings("ArrayRecordComponent") // written and read, never compared
  record Extra(ObjectId id, int[] parents) {}

  /** The summary kept in {@code file}, or null when there is none fit for {@code key} and repo. */
  static @Nullable HistorySummary read(Path file, String key, String gitDir) {
    try {
      ByteBuffer in = body(Files.readAllBytes(file), MAGIC, key, gitDir);
      if (in == null) {
        return null;
      }
      HistorySummary summary = parse(in);
      return in.hasRemaining() ? null : summary;
    } catch (IOException | RuntimeException e) {
      return null; // none yet, or not one we wrote: the history is listed afresh
    }
  }

  private static HistorySummary parse(ByteBuffer in) {
    long generation = in.getLong();
    String branch = string(in);
    ObjectId defaultTip = id(in);
    List<Tip> tips = new ArrayList<>();
    int[] tipNumbers = new int[count(in)];
    for (int i = 0; i < tipNumbers.length; i++) {
      tips.add(new Tip(string(in), id(in), id(in), in.getInt(), in.get() != 0));
      tipNumbers[i] = in.getInt();
    }
    List<BitSet> refSets = new ArrayList<>();
    for (int i = count(in); i > 0; i--) {
      refSets.add(bits(in));
    }
    List<Target> targets = new ArrayList<>();
    for (int i = count(in); i > 0; i--) {
      targets.add(target(in, refSets));
    }
    List<Place> reread = places(in);
    List<ObjectId> messages = ids(in);
    List<Problem> notes = new ArrayList<>();
    for (int i = count(in); i > 0; i--) {
      notes.add(new Problem(Problem.Kind.values()[in.getInt()], string(in), string(in)));
    }
    List<Extra> extra = new ArrayList<>();
    for (int i = count(in); i > 0; i--) {
      ObjectId id = id(in);
      int[] parents = new int[count(in)];
      Arrays.setAll(parents, p -> in.getInt());
      extra.add(new Extra(id, parents));
    }
    return new HistorySummary(
        generation,
        branch.isEmpty() ? null : branch,
        defaultTip,
        tips,
        tipNumbers,
        targets,
        reread,
        messages,
        notes,
        extra,
        ids(in));
  }

  private static Target target(ByteBuffer in, List<BitSet> refSets) {
    ObjectId blob = id(in);
    List<Place> places = places(in);
    CommitSet holders = runs(in);
    BitSet refs = refSets.get(in.getInt());
    boolean atTip = in.get() != 0;
    return new Target(blob, places, holders, refs, atTip, commit(in));
  }

  private static List<Place> places(ByteBuffer in) {
    List<Place> places = new ArrayList<>();
    for (int i = count(in); i > 0; i--) {
      ObjectId blob = id(in);
      CommitInfo info = commit(in);
      places.add(new Place(blob, info, string(in)));
    }
    return places;
  }

  /** A commit as {@link #writeCommit} wrote it; null for none. */
  private static @Nullable CommitInfo commit(ByteBuffer in) {
    ObjectId commit = id(in);
    String author = string(in);
    String email = string(in);
    Instant date = Instant.ofEpochSecond(in.getLong());
    return commit.equals(ObjectId.zeroId())
        ? null
        : new CommitInfo(commit.name(), author, email, date);
  }

  private static void writeCommit(IndexWriter out, @Nullable CommitInfo info) {
    out.id(info == null ? ObjectId.zeroId() : ObjectId.fromString(info.id()));
    out.string(info == null ? "" : info.author());
    out.string(info == null ? "" : info.email());
    out.putLong(info == null ? 0 : info.date().getEpochSecond());
  }

  /**
   * Writes the summary (atomically, readable by the user only).
   *
   * @throws IOException when it cannot be written
   */
  void write(Path file, String key, String gitDir) throws IOException {
    Map<BitSet, Integer> refSets = new HashMap<>();
    Map<BitSet, Integer> shared = new IdentityHashMap<>(); // targets share sets: hashed once each
    List<BitSet> distinct = new ArrayList<>();
    int[] refSetOf = new int[targets.size()];
    for (int t = 0; t < targets.size(); t++) {
      refSetOf[t] =
          shared.computeIfAbsent(
              targets.get(t).refs(), set -> refSets.computeIfAbsent(set, s -> add(distinct, s)));
    }
    long expected = 4096L + 160L * tips.size() + 40L * clean.size() + 128L * extra.size();
    for (Target target : targets) {
      expected += 256L + 160L * target.places().size() + 8L * target.holders().runCount();
    }
    for (BitSet set : distinct) {
      expected += 16L + set.length() / 8 + set.length() / 512;
    }
    IndexWriter out = new IndexWriter(MAGIC, expected);
    out.string(key);
    out.string(gitDir);
    out.putLong(generation);
    out.string(defaultBranch == null ? "" : defaultBranch);
    out.id(defaultTip);
    if (tipNumbers.length != tips.size()) {
      throw new IllegalStateException("a number for each tip");
    }
    out.putInt(tips.size());
    for (int i = 0; i < tips.size(); i++) {
      Tip tip = tips.get(i);
      out.string(tip.name());
      out.id(tip.id());
      out.id(tip.object());
      out.putInt(tip.type());
      out.put((byte) (tip.message() ? 1 : 0));
      out.putInt(tipNumbers[i]);
    }
    out.putInt(distinct.size());
    distinct.forEach(set -> writeBits(out, set));
    out.putInt(targets.size());
    for (int t = 0; t < targets.size(); t++) {
      writeTarget(out, targets.get(t), refSetOf[t]);
    }
    writePlaces(out, reread);
    writeIds(out, messageCommits);
    out.putInt(notes.size());
    for (Problem note : notes) {
      out.putInt(note.kind().ordinal());
      out.string(note.where());
      out.string(note.message());
    }
    out.putInt(extra.size());
    for (Extra commit : extra) {
      out.id(commit.id());
      out.putInt(commit.parents().length);
      Arrays.stream(commit.parents()).forEach(out::putInt);
    }
    writeIds(out, clean);
    out.writeTo(file);
  }

  private static int add(List<BitSet> sets, BitSet set) {
    sets.add(set);
    return sets.size() - 1;
  }

  private static void writeTarget(IndexWriter out, Target target, int refSet) {
    out.id(target.blob());
    writePlaces(out, target.places());
    writeRuns(out, target.holders());
    out.putInt(refSet);
    out.put((byte) (target.atTip() ? 1 : 0));
    writeCommit(out, target.left());
  }

  private static void writePlaces(IndexWriter out, List<Place> places) {
    out.putInt(places.size());
    for (Place place : places) {
      out.id(place.blob());
      writeCommit(out, place.commit());
      out.string(place.path());
    }
  }

  /**
   * A set of tips as its words, those that are zero left out: which are is a bit per word (on rails
   * more than half are, of 29 MB of sets).
   */
  private static void writeBits(IndexWriter out, BitSet bits) {
    long[] words = bits.toLongArray();
    long[] present = new long[(words.length + 63) >>> 6];
    int count = 0;
    for (int w = 0; w < words.length; w++) {
      if (words[w] != 0) {
        present[w >>> 6] |= 1L << w;
        words[count++] = words[w];
      }
    }
    out.putInt(words.length);
    out.putLongs(present);
    out.putLongs(count == words.length ? words : Arrays.copyOf(words, count));
  }

  private static void writeRuns(IndexWriter out, CommitSet set) {
    out.putInt(set.runCount());
    for (int r = 0; r < set.runCount(); r++) {
      out.putInt(set.runStart(r));
      out.putInt(set.runEnd(r));
    }
  }

  private static CommitSet runs(ByteBuffer in) {
    CommitSet.Builder set = new CommitSet.Builder();
    for (int r = count(in); r > 0; r--) {
      set.addRun(in.getInt(), in.getInt());
    }
    return set.build();
  }

  private static BitSet bits(ByteBuffer in) {
    long[] words = new long[count(in)];
    long[] present = longs(in, (words.length + 63) >>> 6);
    int count = 0;
    for (long p : present) {
      count += Long.bitCount(p);
    }
    long[] nonzero = longs(in, count);
    int next = 0;
    for (int w = 0; w < words.length; w++) {
      if ((present[w >>> 6] & 1L << w) != 0) {
        words[w] = nonzero[next++];
      }
    }
    return BitSet.valueOf(words);
  }

  private static long[] longs(ByteBuffer in, int count) {
    if (count > in.remaining() / Long.BYTES) {
      throw new IllegalStateException("bad count");
    }
    long[] longs = new long[count];
    in.asLongBuffer().get(longs);
    in.position(in.position() + count * Long.BYTES);
    return longs;
  }

  private static void writeIds(IndexWriter out, List<ObjectId> ids) {
    out.putInt(ids.size());
    ids.forEach(out::id);
  }

  private static List<ObjectId> ids(ByteBuffer in) {
    List<ObjectId> ids = new ArrayList<>();
    for (int i = count(in); i > 0; i--) {
      ids.add(id(in));
    }
    return ids;
  }

  /**
   * What follows the header of a cache file written by {@link IndexWriter} with {@code magic},
   * {@code key} and {@code gitDir}; null when the file is another's or fails its checksum.
   */
  static @Nullable ByteBuffer body(byte[] bytes, byte[] magic, String key, String gitDir) {
    int body = bytes.length - Long.BYTES;
    if (body < magic.length) {
      return null;
    }
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, body);
    if (crc.getValue() != ByteBuffer.wrap(bytes, body, Long.BYTES).getLong()
        || !Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length)) {
      return null;
    }
    ByteBuffer in = ByteBuffer.wrap(bytes, magic.length, body - magic.length);
    return string(in).equals(key) && string(in).equals(gitDir) ? in : null;
  }

  static int count(ByteBuffer in) {
    int count = in.getInt();
    if (count < 0 || count > in.remaining()) {
      throw new IllegalStateException("bad count");
    }
    return count;
  }

  static ObjectId id(ByteBuffer in) {
    byte[] raw = new byte[Constants.OBJECT_ID_LENGTH];
    in.get(raw);
    return ObjectId.fromRaw(raw);
  }

  static String string(ByteBuffer in) {
    int length = count(in);
    String text = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return text;
  }
}

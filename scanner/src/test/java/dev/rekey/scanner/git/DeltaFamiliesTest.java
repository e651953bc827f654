package dev.rekey.scanner.git;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The blobs of a pack cut into units of whole delta families: every blob in exactly one unit, no
 * object built by two units (their chains share nothing), largest units first, and each unit reads
 * back byte for byte from its plan — with offset or id (REF_DELTA) bases, bases outside the blobs
 * asked for, and a damaged header.
 */
class DeltaFamiliesTest {
  private static final int FILES = 4;
  private static final int VERSIONS = 40;

  @TempDir Path temp;

  /** From one unit (a single run of the pack) to more units than most families have objects. */
  @ParameterizedTest(name = "{0} units asked for")
  @ValueSource(ints = {1, 3, 64})
  void familiesStayWholeWhateverTheNumberOfUnits(int count) throws Exception {
    List<ObjectId> blobs = packed(true);
    try (RepositoryHandle handle = new RepositoryHandle(temp.resolve("repo"))) {
      Table table = table(blobs);
      List<DeltaFamilies.Unit> units = DeltaFamilies.of(handle.packs(), table.order(), count);
      assertWholeFamilies(handle, table, units);
      assertThat(units).extracting(DeltaFamilies.Unit::weight).isSortedAccordingTo((a, b) -> b - a);
      if (count > 1) {
        assertThat(units)
            .as("a unit's blobs interleaved with others in the pack: a run of it would cut them")
            .anyMatch(u -> span(table, u) > u.blobs().length);
      }
      if (count == 64) {
        assertThat(units).hasSizeGreaterThan(FILES);
      }
    }
  }

  @Test
  void basesNamedByIdAreFollowed() throws Exception {
    List<ObjectId> blobs = packed(false);
    try (RepositoryHandle handle = new RepositoryHandle(temp.resolve("repo"))) {
      Table table = table(blobs);
      List<DeltaFamilies.Unit> units = DeltaFamilies.of(handle.packs(), table.order(), 64);
      assertWholeFamilies(handle, table, units);
      assertThat(units.stream().mapToInt(u -> u.bases().length).sum()).isPositive();
    }
  }

  @Test
  void aBaseOutsideTheBlobsAskedForIsBuiltInTheUnitThatNeedsIt() throws Exception {
    List<ObjectId> blobs = packed(true);
    try (RepositoryHandle handle = new RepositoryHandle(temp.resolve("repo"))) {
      List<ObjectId> third = new ArrayList<>();
      for (int i = 0; i < blobs.size(); i += 3) {
        third.add(blobs.get(i));
      }
      Table table = table(third);
      List<DeltaFamilies.Unit> units = DeltaFamilies.of(handle.packs(), table.order(), 64);
      assertWholeFamilies(handle, table, units);
      assertThat(units).anyMatch(u -> u.weight() > u.blobs().length);
    }
  }

  /**
   * A delta whose base id is damaged is taken for the root of its own family: the cut still holds
   * every blob once, and the pack stream refuses that object (the reader then asks JGit, which
   * reports it) while every other blob reads from the pack.
   */
  @Test
  void aDamagedHeaderLeavesTheOtherBlobsReadable() throws Exception {
    List<ObjectId> blobs = packed(false);
    Table before = table(blobs);
    Path pack = onlyPack();
    long damaged = -1;
    try (RepositoryHandle handle = new RepositoryHandle(temp.resolve("repo"))) {
      PackFiles.Pack file = handle.packs().packs().getFirst();
      try (PackStream stream = new PackStream(file, 0, BuiltCache.recent(0), null)) {
        for (int blob : before.order().blobs()) {
          long offset = before.order().offsets()[blob];
          if (damaged < 0 && stream.baseOf(offset) >= 0) {
            damaged = offset;
          }
        }
      }
    }
    assertThat(damaged).isPositive();
    flipBaseId(pack, damaged);
    try (RepositoryHandle handle = new RepositoryHandle(temp.resolve("repo"))) {
      Table table = table(blobs);
      List<DeltaFamilies.Unit> units = DeltaFamilies.of(handle.packs(), table.order(), 8);
      assertThat(units.stream().flatMapToInt(u -> Arrays.stream(u.blobs())).sorted().toArray())
          .containsExactly(sorted(before));
      int read = 0;
      try (ObjectInserter.Formatter hash = new ObjectInserter.Formatter();
          PackStream stream =
              new PackStream(
                  handle.packs().packs().getFirst(),
                  Long.MAX_VALUE,
                  BuiltCache.planned(128L << 20),
                  null)) {
        for (DeltaFamilies.Unit unit : units) {
          stream.plan(unit.pending());
          for (int blob : unit.blobs()) {
            long offset = table.order().offsets()[blob];
            if (offset == damaged) {
              assertThatThrownBy(() -> stream.blob(offset)).isInstanceOf(IOException.class);
            } else if (!builtOn(handle, offset, damaged)) {
              PackStream.Built built = Objects.requireNonNull(stream.blob(offset), "not read");
              assertThat(hash.idFor(Constants.OBJ_BLOB, built.content()))
                  .isEqualTo(table.blobs().id(blob));
              read++;
            }
          }
        }
      }
      assertThat(read).isGreaterThan(blobs.size() / 2);
    }
  }

  /**
   * Every blob in one unit, no object in the chains of two units, every blob read from its plan.
   */
  private static void assertWholeFamilies(
      RepositoryHandle handle, Table table, List<DeltaFamilies.Unit> units) throws Exception {
    assertThat(units.stream().flatMapToInt(u -> Arrays.stream(u.blobs())).sorted().toArray())
        .containsExactly(sorted(table));
    PackFiles.Pack file = handle.packs().packs().getFirst();
    Map<Long, Integer> unitOf = new HashMap<>();
    try (ObjectInserter.Formatter hash = new ObjectInserter.Formatter();
        PackStream walk = new PackStream(file, 0, BuiltCache.recent(0), null);
        PackStream stream =
            new PackStream(file, Long.MAX_VALUE, BuiltCache.planned(128L << 20), null)) {
      for (int u = 0; u < units.size(); u++) {
        DeltaFamilies.Unit unit = units.get(u);
        for (int blob : unit.blobs()) {
          for (long at = table.order().offsets()[blob]; at >= 0; at = walk.baseOf(at)) {
            assertThat(unitOf.putIfAbsent(at, u)).as("unit of object at %d", at).isIn(null, u);
          }
        }
        stream.plan(unit.pending());
        for (int blob : unit.blobs()) {
          PackStream.Built built =
              Objects.requireNonNull(stream.blob(table.order().offsets()[blob]), "not read");
          assertThat(hash.idFor(Constants.OBJ_BLOB, built.content()))
              .isEqualTo(table.blobs().id(blob));
        }
      }
    }
  }

  private static boolean builtOn(RepositoryHandle handle, long offset, long base)
      throws IOException {
    try (PackStream walk =
        new PackStream(handle.packs().packs().getFirst(), 0, BuiltCache.recent(0), null)) {
      for (long at = offset; at >= 0; at = walk.baseOf(at)) {
        if (at == base) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  /** How many blobs of the order lie from the unit's first to its last. */
  private static int span(Table table, DeltaFamilies.Unit unit) {
    int[] position = new int[table.blobs().size()];
    int[] order = table.order().blobs();
    for (int i = 0; i < order.length; i++) {
      position[order[i]] = i;
    }
    int[] at = Arrays.stream(unit.blobs()).map(b -> position[b]).toArray();
    return Arrays.stream(at).max().orElse(0) - Arrays.stream(at).min().orElse(0) + 1;
  }

  private static int[] sorted(Table table) {
    return Arrays.stream(table.order().blobs()).sorted().toArray();
  }

  private record Table(BlobTable blobs, PackOrder order) {}

  private Table table(List<ObjectId> ids) throws Exception {
    BlobTable blobs = new BlobTable();
    for (ObjectId id : ids) {
      blobs.add(id, BlobTable.NO_COMMIT, "file");
    }
    int[] all = new int[blobs.size()];
    Arrays.setAll(all, i -> i);
    try (RepositoryHandle handle = new RepositoryHandle(temp.resolve("repo"))) {
      return new Table(blobs, PackOrder.of(handle.packs(), blobs, all, 1));
    }
  }

  /**
   * A repository holding, in one aggressively deltified pack, {@link #VERSIONS} growing versions of
   * each of {@link #FILES} files and a few unrelated blobs; its blob ids.
   */
  private List<ObjectId> packed(boolean offsetBases) throws Exception {
    Path repo = temp.resolve("repo");
    GitFixture.git(temp, "init", "-q", "repo");
    List<ObjectId> ids = new ArrayList<>();
    try (Repository repository =
            new FileRepositoryBuilder().setGitDir(repo.resolve(".git").toFile()).build();
        ObjectInserter inserter = repository.newObjectInserter()) {
      for (int v = 0; v < VERSIONS; v++) {
        for (int f = 0; f < FILES; f++) {
          StringBuilder text = new StringBuilder();
          for (int line = 0; line < 30 + 4 * v; line++) {
            text.append("file ").append(f).append(" line ").append(line);
            text.append(line % 7 == v % 7 ? " changed in version " + v : " stays").append('\n');
          }
          ids.add(inserter.insert(Constants.OBJ_BLOB, text.toString().getBytes(UTF_8)));
        }
        ids.add(inserter.insert(Constants.OBJ_BLOB, ("unrelated " + v * 7919).getBytes(UTF_8)));
      }
      inserter.flush();
    }
    Path list = temp.resolve("ids.txt");
    Files.write(list, ids.stream().map(ObjectId::name).toList());
    List<String> command = new ArrayList<>(List.of("git", "pack-objects", "-q"));
    if (offsetBases) {
      command.add("--delta-base-offset");
    }
    command.addAll(List.of("--window=250", "--depth=50", ".git/objects/pack/pack"));
    Process process =
        new ProcessBuilder(command)
            .directory(repo.toFile())
            .redirectInput(list.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(process.waitFor()).isZero();
    GitFixture.git(repo, "prune-packed");
    return ids;
  }

  private Path onlyPack() throws IOException {
    try (Stream<Path> files = Files.list(temp.resolve("repo/.git/objects/pack"))) {
      return files.filter(f -> f.toString().endsWith(".pack")).findFirst().orElseThrow();
    }
  }

  /** Flips the first byte of the base id of the REF_DELTA at {@code offset}. */
  private static void flipBaseId(Path pack, long offset) throws IOException {
    try (FileChannel channel =
        FileChannel.open(pack, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
      ByteBuffer header = ByteBuffer.allocate(16);
      channel.read(header, offset);
      int length = 1;
      while ((header.get(length - 1) & 0x80) != 0) {
        length++;
      }
      ByteBuffer flipped = ByteBuffer.wrap(new byte[] {(byte) ~header.get(length)});
      channel.write(flipped, offset + length);
    }
  }
}

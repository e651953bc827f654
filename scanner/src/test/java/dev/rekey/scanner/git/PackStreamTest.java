package dev.rekey.scanner.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.detectors.Engine;
import dev.rekey.detectors.KeywordHits;
import dev.rekey.detectors.KeywordScanner;
import dev.rekey.detectors.rules.RuleCatalog;
import dev.rekey.scanner.model.Blob;
import dev.rekey.scanner.model.BlobId;
import dev.rekey.scanner.model.GitSpread;
import dev.rekey.scanner.model.Problem;
import dev.rekey.scanner.model.Provenance;
import dev.rekey.scanner.pipeline.HistorySink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.jgit.internal.storage.file.PackIndex;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Blobs read straight from an aggressively packed repository are byte for byte what git stored
 * (their content hashes to their id), whatever the cache budget, and the keyword occurrences worked
 * out through their deltas are exactly those a pass over their bytes finds.
 */
class PackStreamTest {
  private static final KeywordScanner KEYWORDS = new Engine(RuleCatalog.builtIn()).keywordScanner();

  @TempDir Path temp;

  @ParameterizedTest(name = "cache of {0} bytes")
  @ValueSource(longs = {1, 4096, 128L << 20})
  void everyBlobReadsAsItsIdSaysWithItsKeywordsWhereTheyAre(long budget) throws Exception {
    readsEveryBlob(budget, "false");
  }

  /** With the pack's reverse index (.rev), which tells where each object ends. */
  @ParameterizedTest(name = "cache of {0} bytes")
  @ValueSource(longs = {1, 128L << 20})
  void everyBlobReadsAsItsIdSaysWithAReverseIndex(long budget) throws Exception {
    readsEveryBlob(budget, "true");
  }

  private void readsEveryBlob(long budget, String reverseIndex) throws Exception {
    Path repo = packed(reverseIndex);
    try (RepositoryHandle handle = new RepositoryHandle(repo)) {
      Inventory inventory = list(handle);
      int[] all = new int[inventory.blobs.size()];
      Arrays.setAll(all, i -> i);
      PackOrder order = PackOrder.of(handle.packs(), inventory.blobs, all, 1);
      try (ObjectInserter.Formatter hash = new ObjectInserter.Formatter();
          PackStream stream =
              new PackStream(
                  handle.packs().packs().getFirst(),
                  Long.MAX_VALUE,
                  BuiltCache.planned(budget),
                  KEYWORDS)) {
        for (DeltaFamilies.Unit unit : DeltaFamilies.of(handle.packs(), order, 4)) {
          stream.plan(unit.pending());
          for (int blob : unit.blobs()) {
            PackStream.Built built =
                Objects.requireNonNull(stream.blob(order.offsets()[blob]), "not read");
            assertThat(hash.idFor(Constants.OBJ_BLOB, built.content()))
                .isEqualTo(inventory.blobs.id(blob));
            KeywordHits hits = built.hits();
            if (hits != null) {
              assertThat(occurrences(hits)).isEqualTo(occurrences(KEYWORDS.scan(built.content())));
            }
          }
        }
      }
    }
  }

  /**
   * Every object of a pack is found by its hashed id where the pack's index says it is, as an id
   * and as raw bytes; ids the pack does not hold are not found. A pack this small is not hashed for
   * a scan (a binary search of its index is as quick).
   */
  @ParameterizedTest(name = "reverse index: {0}")
  @ValueSource(strings = {"false", "true"})
  void everyObjectIsFoundByItsHashedId(String reverseIndex) throws Exception {
    Path repo = packed(reverseIndex);
    try (RepositoryHandle handle = new RepositoryHandle(repo)) {
      PackIndex index = handle.packs().packs().getFirst().index();
      assertThat(PackIds.of(index, PackIds.MAX_OBJECTS))
          .as("too few objects to be worth hashing")
          .isNull();
      PackIds hashed = Objects.requireNonNull(PackIds.hash(index));
      byte[] raw = new byte[3 + Constants.OBJECT_ID_LENGTH];
      int count = 0;
      for (PackIndex.MutableEntry entry : index) {
        ObjectId id = entry.toObjectId();
        assertThat(hashed.offsetOf(id)).isEqualTo(entry.getOffset());
        id.copyRawTo(raw, 3);
        assertThat(hashed.offsetOf(raw, 3)).isEqualTo(entry.getOffset());
        raw[3 + 19] ^= 1; // another id, sharing the words it is hashed by
        assertThat(hashed.offsetOf(raw, 3)).isEqualTo(index.findOffset(ObjectId.fromRaw(raw, 3)));
        raw[3 + 4] ^= 1; // another id, hashed elsewhere
        assertThat(hashed.offsetOf(ObjectId.fromRaw(raw, 3)))
            .isEqualTo(index.findOffset(ObjectId.fromRaw(raw, 3)));
        count++;
      }
      assertThat(count).isEqualTo(index.getObjectCount()).isGreaterThan(40);
    }
  }

  /**
   * Where each object ends, asked in pack order, backwards and at random, is the next object's
   * offset (or the trailer): from the reverse index or the sorted offsets, and from the list of
   * every offset in pack order once many have been asked for.
   */
  @ParameterizedTest(name = "reverse index: {0}")
  @ValueSource(strings = {"false", "true"})
  void everyObjectEndsWhereTheNextBegins(String reverseIndex) throws Exception {
    Path repo = packed(reverseIndex);
    try (RepositoryHandle handle = new RepositoryHandle(repo)) {
      PackFiles.Pack pack = handle.packs().packs().getFirst();
      List<Long> all = new ArrayList<>();
      pack.index().forEach(entry -> all.add(entry.getOffset()));
      long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
      PackFiles.Ends ends = pack.ends();
      Random random = new Random(1);
      int unknown = 0;
      for (int asked = 0; asked < 600 + 3 * sorted.length; asked++) {
        int round = asked / sorted.length;
        int nth = asked % sorted.length;
        int i =
            round % 3 == 0
                ? nth
                : round % 3 == 1 ? sorted.length - 1 - nth : random.nextInt(sorted.length);
        long end = ends.of(sorted[i]);
        if (end < 0) {
          unknown = asked + 1;
        } else {
          assertThat(end).isEqualTo(i + 1 < sorted.length ? sorted[i + 1] : pack.trailer());
        }
      }
      assertThat(unknown).isLessThanOrEqualTo(300);
    }
  }

  /** The history fixture, repacked aggressively, with or without a reverse index. */
  private Path packed(String reverseIndex) throws Exception {
    Path repo = GitFixture.build("history", temp.resolve("repo"));
    GitFixture.git(
        repo,
        "-c",
        "pack.writeReverseIndex=" + reverseIndex,
        "repack",
        "-a",
        "-d",
        "-f",
        "-q",
        "--window=250",
        "--depth=50");
    try (Stream<Path> files = Files.list(repo.resolve(".git/objects/pack"))) {
      assertThat(files.anyMatch(f -> f.toString().endsWith(".rev")))
          .isEqualTo(Boolean.parseBoolean(reverseIndex));
    }
    return repo;
  }

  /** Each occurrence as keyword@end, in order. */
  static List<String> occurrences(KeywordHits hits) {
    List<String> all = new ArrayList<>();
    for (int i = 0; i < hits.count(); i++) {
      all.add(hits.keyword(i) + "@" + hits.end(i));
    }
    return all;
  }

  private static Inventory list(RepositoryHandle handle) throws Exception {
    Inventory inventory = new Inventory();
    HistorySink ignore =
        new HistorySink() {
          @Override
          public boolean needs(BlobId id) {
            return true;
          }

          @Override
          public @Nullable KeywordScanner keywordScanner() {
            return null;
          }

          @Override
          public void accept(Blob blob, Provenance provenance, KeywordHits hits) {}

          @Override
          public void spread(BlobId id, GitSpread spread) {}

          @Override
          public void accept(Blob blob, Provenance provenance) {}

          @Override
          public void alsoAt(BlobId id, Provenance provenance) {}

          @Override
          public void problem(Problem problem) {}
        };
    try (ObjectSource objects = new ObjectSource(handle);
        HistoryWalk walk = new HistoryWalk(handle.current().newObjectReader())) {
      new HistoryLister(walk, objects, Set.of(), ignore, inventory)
          .list(RefTips.read(handle.current(), ignore));
    }
    return inventory;
  }
}

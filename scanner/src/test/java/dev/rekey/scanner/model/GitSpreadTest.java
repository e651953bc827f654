package dev.rekey.scanner.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Merging the spreads of a secret's many blobs at once gives what merging them one by one does. */
class GitSpreadTest {

  @Test
  void mergingAllAtOnceIsMergingOneByOne() {
    Random random = new Random(14);
    for (int count = 1; count <= 9; count++) {
      List<GitSpread> spreads = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        spreads.add(spread(random, i));
      }
      GitSpread folded = spreads.get(0);
      for (GitSpread spread : spreads.subList(1, count)) {
        folded = folded.merge(spread);
      }
      GitSpread all = Objects.requireNonNull(GitSpread.mergeAll(spreads));
      assertThat(all.commits().size()).isEqualTo(folded.commits().size());
      assertThat(all.commits().union(folded.commits()).size()).isEqualTo(folded.commits().size());
      assertThat(all.refs()).isEqualTo(folded.refs());
      assertThat(all.defaultBranch()).isEqualTo(folded.defaultBranch());
      assertThat(all.atDefaultTip()).isEqualTo(folded.atDefaultTip());
      assertThat(all.leftDefaultTip()).isEqualTo(folded.leftDefaultTip());
    }
    assertThat(GitSpread.mergeAll(List.of())).isNull();
  }

  private static GitSpread spread(Random random, int i) {
    BitSet commits = new BitSet();
    for (int k = 0; k < 50; k++) {
      commits.set(random.nextInt(400));
    }
    CommitInfo left =
        new CommitInfo(
            "c" + i, "a", "a@example.com", Instant.ofEpochSecond(random.nextInt(3) * 1000L));
    return new GitSpread(
        commits,
        Set.of("refs/heads/b" + random.nextInt(4)),
        i == 0 ? null : "main",
        random.nextInt(5) == 0,
        left);
  }
}

package dev.rekey.scanner.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.scanner.model.RefCatalog;
import dev.rekey.scanner.model.RefNames;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** A finding names every ref up to a hundred; past that, branches and tags before pull requests. */
class RefSampleTest {

  @Test
  void upToAHundredRefsAreAllNamedInSortedOrder() {
    TreeSet<String> refs = new TreeSet<>(List.of("refs/tags/v1", "HEAD", "refs/pull/1/head"));
    assertThat(RefSample.of(refs)).containsExactly("HEAD", "refs/pull/1/head", "refs/tags/v1");
  }

  @Test
  void pastAHundredBranchesAndTagsComeBeforePullRequests() {
    TreeSet<String> refs = new TreeSet<>();
    for (int i = 0; i < 51_753; i++) {
      refs.add("refs/pull/" + i + "/head");
    }
    refs.addAll(List.of("HEAD", "refs/heads/main", "refs/stash", "refs/remotes/origin/main"));
    for (int i = 0; i < 40; i++) {
      refs.add("refs/tags/v" + i);
    }
    List<String> shown = RefSample.of(refs);
    assertThat(shown).hasSize(RefSample.LIMIT).isSorted();
    assertThat(shown)
        .contains("HEAD", "refs/heads/main", "refs/tags/v0", "refs/tags/v39")
        .contains("refs/remotes/origin/main");
    assertThat(shown.stream().filter(r -> r.startsWith("refs/pull/")).count())
        .isEqualTo(RefSample.LIMIT - 43);
  }

  @Test
  void aSetOfTheScansCatalogIsSampledAsAnyOtherSet() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      names.add("refs/pull/" + i + "/head");
    }
    for (int i = 0; i < 150; i++) {
      names.addAll(List.of("refs/tags/v" + i, "refs/heads/b" + i, "refs/remotes/o/b" + i));
      names.addAll(
          List.of("refs/notes/n" + i, "refs/a" + i, "refs/zz" + i, "refs/stash@{" + i + "}"));
      names.addAll(List.of("worktrees/w" + i + "/HEAD", "A" + i, "refsy" + i, "refs"));
    }
    names.add("HEAD");
    RefCatalog catalog = RefCatalog.of(names);
    Random random = new Random(14);
    for (int round = 0; round < 200; round++) {
      BitSet positions = new BitSet();
      double density = random.nextDouble() * random.nextDouble();
      for (int p = 0; p < catalog.size(); p++) {
        if (random.nextDouble() < density) {
          positions.set(p);
        }
      }
      RefNames set = catalog.set(positions);
      assertThat(RefSample.of(set)).isEqualTo(RefSample.of(new TreeSet<>(set)));
    }
  }
}

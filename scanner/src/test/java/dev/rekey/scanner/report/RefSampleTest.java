package dev.rekey.scanner.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
}

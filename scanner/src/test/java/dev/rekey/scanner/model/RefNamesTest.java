package dev.rekey.scanner.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RefNamesTest {
  private static final RefCatalog CATALOG =
      RefCatalog.of(List.of("refs/tags/v2", "HEAD", "refs/heads/main", "refs/tags/v1", "HEAD"));

  private static BitSet bits(int... positions) {
    BitSet set = new BitSet();
    for (int p : positions) {
      set.set(p);
    }
    return set;
  }

  private static RefNames named(String... names) {
    BitSet set = new BitSet();
    for (String name : names) {
      set.set(CATALOG.indexOf(name));
    }
    return CATALOG.set(set);
  }

  @Test
  void theCatalogHoldsEachNameOnceInSortedOrder() {
    assertThat(CATALOG.size()).isEqualTo(4);
    assertThat(CATALOG.name(0)).isEqualTo("HEAD");
    assertThat(CATALOG.indexOf("refs/tags/v2")).isEqualTo(3);
    assertThat(CATALOG.indexOf("refs/tags/v3")).isNegative();
  }

  @Test
  void iteratesInSortedOrderWhateverTheOrderTheBitsWereSetIn() {
    RefNames set = named("refs/tags/v2", "HEAD", "refs/tags/v1");
    assertThat(set).containsExactly("HEAD", "refs/tags/v1", "refs/tags/v2");
    assertThat(List.copyOf(set)).isEqualTo(List.copyOf(new TreeSet<>(set)));
    assertThat(set).hasSize(3).contains("HEAD").doesNotContain("refs/heads/main", "v1");
  }

  @Test
  void theSameRefsOfOneCatalogAreOneInstance() {
    RefNames first = CATALOG.set(bits(0, 2));
    assertThat(CATALOG.set(bits(2, 0))).isSameAs(first);
    assertThat(named("HEAD", "refs/tags/v1")).isSameAs(first);
    assertThat(CATALOG.set(bits(0, 3))).isNotSameAs(first);
  }

  @Test
  void equalsAnySetOfTheSameNames() {
    RefNames set = named("HEAD", "refs/tags/v1");
    RefNames elsewhere = RefNames.of(List.of("refs/tags/v1", "HEAD", "refs/tags/v1"));
    assertThat(elsewhere).isNotSameAs(set).isEqualTo(set).hasSameHashCodeAs(set);
    assertThat(set).isEqualTo(Set.of("HEAD", "refs/tags/v1")).hasSameHashCodeAs(elsewhere);
    assertThat(Set.of("HEAD", "refs/tags/v1")).isEqualTo(set);
    assertThat(set).isNotEqualTo(named("HEAD"));
    assertThat(CATALOG.set(new BitSet())).isEmpty();
    assertThat(RefNames.of(List.of())).isEqualTo(Set.of());
  }

  @Test
  void unionKeepsOneOfTheTwoWhenItHoldsEverything() {
    RefNames small = named("HEAD");
    RefNames big = named("HEAD", "refs/tags/v2");
    assertThat(small.union(big)).isSameAs(big);
    assertThat(big.union(small)).isSameAs(big);
    RefNames both = small.union(named("refs/heads/main"));
    assertThat(both).containsExactly("HEAD", "refs/heads/main");
    assertThat(both).isSameAs(named("HEAD", "refs/heads/main"));
  }

  @Test
  void unionAcrossCatalogsMergesTheNamesSorted() {
    RefNames other = RefNames.of(List.of("refs/tags/v0", "HEAD"));
    assertThat(named("refs/tags/v2").union(other))
        .containsExactly("HEAD", "refs/tags/v0", "refs/tags/v2");
    assertThat(RefNames.of(other)).isSameAs(other);
  }

  @Test
  void aPositionPastTheCatalogIsRefused() {
    assertThatThrownBy(() -> CATALOG.set(bits(4)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("position 4");
  }

  @Test
  void aSpreadKeepsTheSharedSetAndMergesRefsOfOneCatalog() {
    RefNames refs = named("HEAD", "refs/tags/v1");
    GitSpread spread = new GitSpread(bits(1), refs, "main", true, null);
    assertThat(spread.refs()).isSameAs(refs);
    GitSpread merged =
        spread.merge(new GitSpread(bits(2), named("refs/tags/v2"), null, false, null));
    assertThat(merged.refs()).containsExactly("HEAD", "refs/tags/v1", "refs/tags/v2");
    assertThat(merged.commitCount()).isEqualTo(2);
    assertThat(new GitSpread(bits(), Set.of("b", "a"), null, false, null).refs())
        .containsExactly("a", "b");
  }

  @Test
  void theUnionOfManySetsIsTheOneInstanceAPairwiseUnionGives() {
    RefNames main = named("refs/heads/main");
    RefNames tags = named("refs/tags/v1", "refs/tags/v2");
    RefNames head = named("HEAD", "refs/heads/main");
    RefNames all = RefNames.unionAll(List.of(main, tags, main, head));
    assertThat(all).isSameAs(main.union(tags).union(head)).hasSize(4);
    assertThat(RefNames.unionAll(List.of(tags, tags))).isSameAs(tags);
    RefNames elsewhere = RefNames.of(Set.of("refs/heads/other"));
    assertThat(RefNames.unionAll(List.of(main, elsewhere)))
        .containsExactly("refs/heads/main", "refs/heads/other");
  }

  @Test
  void positionsAreFoundInOnePassWhenTheNamesComeInOrderAndSearchedOtherwise() {
    List<String> names = List.of("HEAD", "refs/heads/main", "refs/tags/v1", "refs/tags/v2");
    RefCatalog sorted = RefCatalog.of(names);
    assertThat(sorted.positionsOf(names)).containsExactly(0, 1, 2, 3);
    List<String> mixed = List.of("refs/tags/v2", "HEAD", "refs/x", "refs/heads/main", "HEAD");
    assertThat(CATALOG.positionsOf(mixed)).containsExactly(3, 0, CATALOG.indexOf("refs/x"), 1, 0);
    assertThat(RefCatalog.of(List.of("b", "a", "b")).positionsOf(List.of("a", "b")))
        .containsExactly(0, 1);
  }
}

package dev.rekey.scanner.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.scanner.model.CommitInfo;
import dev.rekey.scanner.model.Exposure;
import dev.rekey.scanner.model.Location;
import dev.rekey.scanner.model.Provenance;
import dev.rekey.scanner.model.SourceKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The order of a finding's locations, written out, is the order its definition gives. */
class LocationOrderTest {
  /** The order as first defined: a chain of keys. */
  private static final Comparator<Location> DEFINED =
      Comparator.comparing(Location::exposure)
          .thenComparing(
              l ->
                  l.provenance().kind() != SourceKind.BUNDLE
                      && l.provenance().kind() != SourceKind.URL)
          .thenComparing(
              (Location l) -> {
                CommitInfo commit = l.provenance().commit();
                return commit == null ? Instant.MAX : commit.date();
              })
          .thenComparing(l -> l.provenance().kind())
          .thenComparing(l -> Objects.requireNonNullElse(l.provenance().path(), ""))
          .thenComparing(Location::companion)
          .thenComparingInt(Location::line)
          .thenComparingInt(Location::column)
          .thenComparing(
              l -> {
                CommitInfo commit = l.provenance().commit();
                return commit == null ? "" : commit.id();
              });

  @Test
  void sortsAsTheChainOfKeys() {
    Random random = new Random(14);
    List<Location> locations = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      locations.add(location(random));
    }
    for (int i = 0; i < locations.size(); i++) {
      for (int j = 0; j < 40; j++) {
        Location a = locations.get(i);
        Location b = locations.get(random.nextInt(locations.size()));
        assertThat(Integer.signum(FindingGrouper.LOCATION_ORDER.compare(a, b)))
            .as("%s vs %s", a, b)
            .isEqualTo(Integer.signum(DEFINED.compare(a, b)));
      }
    }
    assertThat(locations.stream().sorted(FindingGrouper.LOCATION_ORDER).toList())
        .isEqualTo(locations.stream().sorted(DEFINED).toList());
  }

  private static Location location(Random random) {
    String path = "src/f" + random.nextInt(3) + ".js";
    CommitInfo commit =
        new CommitInfo(
            Integer.toHexString(random.nextInt(4)) + "0".repeat(39),
            "a",
            "a@example.com",
            Instant.ofEpochSecond(1_700_000_000L + random.nextInt(3)));
    Provenance provenance =
        switch (random.nextInt(6)) {
          case 0 -> new Provenance.File(path, random.nextBoolean());
          case 1 -> new Provenance.GitBlob(commit, path);
          case 2 -> new Provenance.CommitMessage(commit);
          case 3 -> new Provenance.Staged(path);
          case 4 -> new Provenance.Bundle(path, Exposure.values()[random.nextInt(4)], null);
          default -> new Provenance.IgnoredFile(path);
        };
    return new Location(
        provenance,
        1 + random.nextInt(3),
        1 + random.nextInt(3),
        Exposure.values()[random.nextInt(Exposure.values().length)],
        null,
        null,
        random.nextBoolean());
  }
}

package dev.rekey.scanner.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;

/** Ids come out in the order ObjectId sorts them, sorted as numbers (issue 14). */
class IdTableTest {

  @Test
  void idsAreSortedAsObjectIdsSortThem() {
    Random random = new Random(14);
    IdTable table = new IdTable();
    List<ObjectId> added = new ArrayList<>();
    byte[] raw = new byte[20];
    for (int i = 0; i < 20_000; i++) {
      random.nextBytes(raw);
      if (i % 7 == 0) { // ids sharing their first word, some with high bits set
        raw[0] = (byte) (i % 3 == 0 ? 0x80 : 0x7f);
        raw[1] = raw[2] = raw[3] = (byte) 0xff;
        raw[4] = (byte) (i % 5 == 0 ? 0x80 : 0x01);
      }
      ObjectId id = ObjectId.fromRaw(raw);
      if (table.add(id) >= 0) {
        added.add(id);
      }
    }
    List<ObjectId> sorted = new ArrayList<>();
    for (int index : table.sorted()) {
      sorted.add(table.get(index));
    }
    assertThat(sorted).isSorted().containsExactlyInAnyOrderElementsOf(added);
    assertThat(new IdTable().sorted()).isEmpty();
  }
}

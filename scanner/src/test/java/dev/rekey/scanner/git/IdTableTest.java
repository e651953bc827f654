package dev.rekey.scanner.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;

/** Ids are found by content whatever they share, and come out sorted as ObjectId sorts them. */
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

  /**
   * The slots keep each id's hash word (its second) to probe by: ids sharing it, or sharing all but
   * one of their other words, are still told apart, added as ids or as raw words and looked up as
   * ids or raw bytes, through the table's growth.
   */
  @Test
  void idsSharingTheirHashWordAreToldApart() {
    Random random = new Random(41);
    IdTable table = new IdTable();
    List<ObjectId> added = new ArrayList<>();
    byte[] raw = new byte[20];
    for (int i = 0; i < 5_000; i++) {
      random.nextBytes(raw);
      raw[4] = raw[5] = raw[6] = 0x5a; // the hash word: one of a few values
      raw[7] = (byte) (i % 3);
      ObjectId id = ObjectId.fromRaw(raw);
      int index;
      if (i % 2 == 0) {
        index = table.add(id);
      } else {
        int[] words = new int[7];
        id.copyRawTo(words, 2);
        index = table.addRaw(words, 2);
      }
      assertThat(index).isEqualTo(added.size());
      added.add(id);
      raw[19] ^= 1; // differs in its last byte only: not there
      assertThat(table.indexOf(ObjectId.fromRaw(raw))).isEqualTo(-1);
      assertThat(table.indexOf(raw, 0)).isEqualTo(-1);
    }
    byte[] padded = new byte[23];
    for (int i = 0; i < added.size(); i++) {
      ObjectId id = added.get(i);
      assertThat(table.indexOf(id)).isEqualTo(i);
      id.copyRawTo(padded, 3);
      assertThat(table.indexOf(padded, 3)).isEqualTo(i);
      assertThat(table.add(id)).isEqualTo(-1 - i);
      assertThat(table.get(i)).isEqualTo(id);
    }
    assertThat(table.size()).isEqualTo(added.size());
  }
}

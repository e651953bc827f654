package dev.rekey.rotators.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.rotators.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  @TempDir Path dir;

  @Test
  void entriesAreDurableOwnerOnlyAndFoldIntoState() throws Exception {
    Path file = dir.resolve("runs/r1.jsonl");
    List<JournalEntry> seen = new ArrayList<>();
    try (Journal journal = Journal.open(file, seen::add)) {
      journal.append(
          JournalEntry.RUN, null, null, null, Map.of("credentials", "fp1", "grace", "PT0S"));
      journal.append(JournalEntry.STEP, "fp1", "create", JournalEntry.STARTED, Map.of());
      journal.append(JournalEntry.NOTE, "fp1", "create", null, Map.of("iam_user", "ci"));
      journal.append(
          JournalEntry.STEP, "fp1", "create", JournalEntry.DONE, Map.of("version_id", "v1"));
    }
    assertThat(seen).hasSize(4);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");

    JournalState state = JournalState.of(Journal.read(file));
    assertThat(state.credentials()).containsExactly("fp1");
    assertThat(state.done("fp1", Step.CREATE)).isTrue();
    assertThat(state.done("fp1", Step.SET)).isFalse();
    assertThat(state.notes("fp1"))
        .containsEntry("iam_user", "ci")
        .containsEntry("version_id", "v1");
  }

  @Test
  void aLastLineCutShortByACrashIsIgnoredAndAppendingGoesOn() throws Exception {
    Path file = dir.resolve("r2.jsonl");
    try (Journal journal = Journal.open(file, e -> {})) {
      journal.append(JournalEntry.STEP, "fp", "create", JournalEntry.STARTED, Map.of());
    }
    Files.writeString(file, "{\"time\":\"2026-01-01T00:00:00Z\",\"ty", StandardOpenOption.APPEND);
    assertThat(Journal.read(file)).hasSize(1);
    try (Journal journal = Journal.open(file, e -> {})) {
      journal.append(JournalEntry.STEP, "fp", "create", JournalEntry.DONE, Map.of());
    }
    assertThat(JournalState.of(Journal.read(file)).done("fp", Step.CREATE)).isTrue();
  }
}

package dev.rekey.rotators.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A run's journal: JSON Lines, each entry written, flushed and fsynced before the call it records
 * goes out (and again after it returns), so a crash at any point leaves a journal that says what
 * may have happened. Entries hold no secret values.
 */
public final class Journal implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final FileChannel channel;
  private final List<JournalEntry> entries;
  private final Consumer<JournalEntry> afterWrite;

  private Journal(
      Path file, FileChannel channel, List<JournalEntry> entries, Consumer<JournalEntry> after) {
    this.file = file;
    this.channel = channel;
    this.entries = entries;
    this.afterWrite = after;
  }

  /**
   * Opens the journal at {@code file} for appending, creating it (owner-only) when missing.
   *
   * @param afterWrite called after each entry is durable (fault injection in tests hooks in here)
   */
  public static Journal open(Path file, Consumer<JournalEntry> afterWrite) throws IOException {
    List<JournalEntry> existing = Files.exists(file) ? read(file) : new ArrayList<>();
    boolean created = !Files.exists(file);
    if (created) {
      Files.createDirectories(OwnerOnly.folderOf(file));
      Files.createFile(file, OwnerOnly.fileAttribute());
    }
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    if (!created && Files.size(file) > 0 && !endsWithNewline(file)) {
      // A crash cut the last entry short: end its line so that the next entry starts clean.
      channel.write(ByteBuffer.wrap(new byte[] {'\n'}));
      channel.force(true);
    }
    if (created) {
      OwnerOnly.syncDirectory(OwnerOnly.folderOf(file));
    }
    return new Journal(file, channel, new ArrayList<>(existing), afterWrite);
  }

  /**
   * Reads every entry. A line cut short by a crash (only ever the last one written before it, later
   * ended by the next open) is not an entry and is skipped.
   */
  public static List<JournalEntry> read(Path file) throws IOException {
    List<JournalEntry> entries = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      try {
        entries.add(parse(JSON.readTree(line)));
      } catch (IOException | RuntimeException e) {
        // A cut-short line: what it would have recorded was never acknowledged.
      }
    }
    return entries;
  }

  private static boolean endsWithNewline(Path file) throws IOException {
    try (FileChannel read = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer last = ByteBuffer.allocate(1);
      read.read(last, read.size() - 1);
      return last.get(0) == '\n';
    }
  }

  public Path file() {
    return file;
  }

  /** Every entry, those read at open first. */
  public List<JournalEntry> entries() {
    return List.copyOf(entries);
  }

  /** Appends an entry and makes it durable before returning. */
  public JournalEntry append(
      String type,
      @Nullable String credential,
      @Nullable String step,
      @Nullable String phase,
      Map<String, String> data) {
    JournalEntry entry = new JournalEntry(Instant.now(), type, credential, step, phase, data);
    byte[] line = (format(entry) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      ByteBuffer buffer = ByteBuffer.wrap(line);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot write the rotation journal", e);
    }
    entries.add(entry);
    afterWrite.accept(entry);
    return entry;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private static String format(JournalEntry entry) {
    ObjectNode node = JSON.createObjectNode();
    node.put("time", entry.time().toString());
    node.put("type", entry.type());
    putIfPresent(node, "credential", entry.credential());
    putIfPresent(node, "step", entry.step());
    putIfPresent(node, "phase", entry.phase());
    ObjectNode data = node.putObject("data");
    entry.data().forEach(data::put);
    return node.toString();
  }

  private static void putIfPresent(ObjectNode node, String field, @Nullable String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  private static JournalEntry parse(JsonNode node) {
    Map<String, String> data = new LinkedHashMap<>();
    JsonNode fields = node.path("data");
    for (Map.Entry<String, JsonNode> field : fields.properties()) {
      data.put(field.getKey(), field.getValue().asText());
    }
    return new JournalEntry(
        Instant.parse(node.get("time").asText()),
        node.get("type").asText(),
        text(node, "credential"),
        text(node, "step"),
        text(node, "phase"),
        data);
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}

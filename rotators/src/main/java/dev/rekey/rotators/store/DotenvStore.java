package dev.rekey.rotators.store;

import dev.rekey.rotators.ErrorClass;
import dev.rekey.rotators.RotationException;
import dev.rekey.rotators.SecretPayload;
import dev.rekey.rotators.journal.OwnerOnly;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Optional;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * A dotenv file on the server that runs the application. The file itself holds the current values;
 * versions live beside it in {@code .NAME.rekey/CREDENTIAL/} (owner-only): one file per version and
 * a {@code labels} file naming the pending, current and previous ones.
 *
 * <p>Every write is an atomic replace: a temporary file in the same folder, fsynced, renamed over
 * the old one. Before the dotenv file is changed, its previous content is kept as {@code NAME.bak}.
 *
 * <p>The application relies on the dotenv file as it is: it keeps its mode, owner and group (a
 * {@code 0640 root:daemon} file stays one, or nothing is written), and when it is a symbolic link
 * the file it points to is replaced (atomically, beside it) and the link kept — replacing the link
 * would leave the application reading the old key after it is revoked. Everything else rekey writes
 * (versions, labels, the backup) is readable by its owner only (0600).
 */
public final class DotenvStore implements Store {
  private final Path file;
  private final Path versions;

  /**
   * @param file the dotenv file
   * @param credential a short id of the credential, naming its version folder
   */
  public DotenvStore(Path file, String credential) {
    this.file = file.toAbsolutePath();
    Path dir = OwnerOnly.folderOf(this.file);
    this.versions = dir.resolve("." + this.file.getFileName() + ".rekey").resolve(credential);
  }

  @Override
  public String describe() {
    return "dotenv:" + file;
  }

  @Override
  public void put(String versionId, SecretPayload payload, Label label) throws RotationException {
    Path version = versionFile(versionId);
    Optional<SecretPayload> existing = read(versionId);
    if (existing.isPresent() && !existing.get().equals(payload)) {
      throw new RotationException(
          ErrorClass.FATAL,
          describe()
              + ": version "
              + versionId
              + " already holds another value: "
              + version
              + " was changed outside this run; inspect it before resuming");
    }
    try {
      Files.createDirectories(versions.getParent(), OwnerOnly.directoryAttribute());
      Files.createDirectories(versions, OwnerOnly.directoryAttribute());
      if (existing.isEmpty()) {
        replace(version, payload.revealJson() + "\n");
      }
      if (label == Label.CURRENT) {
        apply(payload);
      }
      Properties labels = labels();
      labels.setProperty(label.awsName(), versionId);
      writeLabels(labels);
    } catch (IOException e) {
      throw failure("cannot write version " + versionId, e);
    }
  }

  @Override
  public Optional<SecretPayload> read(String versionId) throws RotationException {
    Path version = versionFile(versionId);
    if (!Files.exists(version)) {
      return Optional.empty();
    }
    try {
      return Optional.of(SecretPayload.fromJson(Files.readString(version, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw failure("cannot read version " + versionId, e);
    }
  }

  @Override
  public Optional<String> version(Label label) throws RotationException {
    try {
      return Optional.ofNullable(labels().getProperty(label.awsName()));
    } catch (IOException e) {
      throw failure("cannot read the version labels", e);
    }
  }

  @Override
  public void promote(String versionId) throws RotationException {
    SecretPayload payload =
        read(versionId)
            .orElseThrow(
                () ->
                    RotationException.fatal(
                        describe() + ": version " + versionId + " is missing from " + versions));
    try {
      apply(payload);
      Properties labels = labels();
      String current = labels.getProperty(Label.CURRENT.awsName());
      if (!versionId.equals(current)) {
        if (current != null) {
          labels.setProperty(Label.PREVIOUS.awsName(), current);
        }
        labels.setProperty(Label.CURRENT.awsName(), versionId);
      }
      if (versionId.equals(labels.getProperty(Label.PENDING.awsName()))) {
        labels.remove(Label.PENDING.awsName());
      }
      writeLabels(labels);
    } catch (IOException e) {
      throw failure("cannot promote version " + versionId, e);
    }
  }

  /** Writes the payload's entries into the dotenv file, keeping its old content as a backup. */
  private void apply(SecretPayload payload) throws IOException {
    Path target = Files.isSymbolicLink(file) ? file.toRealPath() : file;
    boolean exists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
    String before = exists ? Files.readString(target, StandardCharsets.UTF_8) : "";
    String after = DotenvFile.assign(before, payload.entries());
    if (after.equals(before)) {
      return;
    }
    if (!exists) {
      replace(target, after);
      return;
    }
    PosixFileAttributes kept = posix(target);
    replace(target.resolveSibling(target.getFileName() + ".bak"), before);
    replace(target, after, kept);
  }

  private static @Nullable PosixFileAttributes posix(Path file) throws IOException {
    try {
      return Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (UnsupportedOperationException e) {
      return null;
    }
  }

  private Properties labels() throws IOException {
    Properties labels = new Properties();
    Path path = versions.resolve("labels");
    if (Files.exists(path)) {
      try (var in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
        labels.load(in);
      }
    }
    return labels;
  }

  private void writeLabels(Properties labels) throws IOException {
    StringBuilder text = new StringBuilder();
    for (Label label : Label.values()) {
      String id = labels.getProperty(label.awsName());
      if (id != null) {
        text.append(label.awsName()).append('=').append(id).append('\n');
      }
    }
    replace(versions.resolve("labels"), text.toString());
  }

  private Path versionFile(String versionId) throws RotationException {
    if (!versionId.matches("[A-Za-z0-9-]{1,64}")) {
      throw RotationException.fatal(describe() + ": '" + versionId + "' is not a version id");
    }
    return versions.resolve(versionId + ".json");
  }

  /** Atomic replace: temporary file in the same folder, 0600, fsynced, renamed, folder fsynced. */
  static void replace(Path target, String content) throws IOException {
    replace(target, content, null);
  }

  /**
   * Atomic replace keeping {@code kept}'s mode, owner and group; when they cannot be kept (another
   * owner, and rekey not allowed to give the file to it), nothing is replaced.
   */
  private static void replace(Path target, String content, @Nullable PosixFileAttributes kept)
      throws IOException {
    Path dir = OwnerOnly.folderOf(target);
    Path temp =
        Files.createTempFile(
            dir, "." + target.getFileName() + ".", ".tmp", OwnerOnly.fileAttribute());
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.write(java.nio.ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
        channel.force(true);
      }
      if (kept != null) {
        keep(temp, kept, target);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
    OwnerOnly.syncDirectory(dir);
  }

  private static void keep(Path temp, PosixFileAttributes kept, Path target) throws IOException {
    PosixFileAttributeView view =
        Files.getFileAttributeView(temp, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    try {
      PosixFileAttributes now = view.readAttributes();
      if (!now.group().equals(kept.group())) {
        view.setGroup(kept.group());
      }
      if (!now.owner().equals(kept.owner())) {
        view.setOwner(kept.owner());
      }
    } catch (FileSystemException e) {
      throw new IOException(
          "cannot keep the owner "
              + kept.owner().getName()
              + " and group "
              + kept.group().getName()
              + " of "
              + target
              + ", which the application may rely on; run rekey as that owner (or root), or"
              + " change the file by hand",
          e);
    }
    view.setPermissions(kept.permissions());
  }

  private RotationException failure(String what, IOException e) {
    return new RotationException(
        ErrorClass.FATAL,
        describe()
            + ": "
            + what
            + ": "
            + e.getMessage()
            + ": check that the folder exists and is"
            + " writable by you",
        e);
  }
}

package dev.rekey.scanner.git;

import dev.rekey.scanner.model.Blob;
import dev.rekey.scanner.model.BlobId;
import dev.rekey.scanner.model.CommitInfo;
import dev.rekey.scanner.model.Provenance;
import dev.rekey.scanner.pipeline.HistorySink;
import java.time.Instant;
import java.util.Arrays;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.util.RawParseUtils;
import org.jspecify.annotations.Nullable;

/**
 * Scans commit and tag messages, as they are met: a token pasted into a message is as leaked as one
 * in a file. Messages are scanned as blobs, so a message repeated in many commits is scanned once
 * and reported at each.
 */
final class Messages {
  private final HistorySink sink;

  Messages(HistorySink sink) {
    this.sink = sink;
  }

  /** Scans the message of a raw commit; returns its id, or null when the commit has none. */
  @Nullable BlobId scanCommit(byte[] raw, CommitInfo info) {
    return scan(raw, RawParseUtils.commitMessage(raw, 0), info);
  }

  void scanTag(RevTag tag) {
    byte[] raw = tag.getRawBuffer();
    if (raw == null) {
      return;
    }
    PersonIdent tagger = tag.getTaggerIdent();
    CommitInfo info =
        tagger == null
            ? new CommitInfo(tag.name(), "", "", Instant.EPOCH)
            : new CommitInfo(
                tag.name(), tagger.getName(), tagger.getEmailAddress(), tagger.getWhenAsInstant());
    scan(raw, RawParseUtils.tagMessage(raw, 0), info);
  }

  private @Nullable BlobId scan(byte[] raw, int start, CommitInfo info) {
    if (start < 0 || start >= raw.length) {
      return null;
    }
    Blob message = Blob.of(Arrays.copyOfRange(raw, start, raw.length));
    Provenance provenance = new Provenance.CommitMessage(info);
    if (sink.needs(message.id())) {
      sink.accept(message, provenance);
    } else {
      sink.alsoAt(message.id(), provenance);
    }
    return message.id();
  }
}

package dev.rekey.scanner.git;

import dev.rekey.scanner.model.Blob;
import dev.rekey.scanner.model.BlobId;
import dev.rekey.scanner.model.CommitInfo;
import dev.rekey.scanner.model.Provenance;
import dev.rekey.scanner.pipeline.HistorySink;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.util.RawParseUtils;
import org.jspecify.annotations.Nullable;

/**
 * Scans commit and tag messages, as they are met: a token pasted into a message is as leaked as one
 * in a file. Messages are scanned as blobs, so a message repeated in many commits is scanned once
 * and reported at each. Scanned {@linkplain #inBackground in the background}, they are matched on a
 * thread of their own, one after the other in the order met, while the caller reads on.
 */
final class Messages implements AutoCloseable {
  /** Messages met but not scanned yet, at most: what the background thread may lag behind. */
  private static final int QUEUED = 4096;

  private final HistorySink sink;
  private final @Nullable BlockingQueue<Runnable> queue;
  private final @Nullable Thread lane;
  private volatile @Nullable RuntimeException failure;

  Messages(HistorySink sink) {
    this(sink, null);
  }

  private Messages(HistorySink sink, @Nullable BlockingQueue<Runnable> queue) {
    this.sink = sink;
    this.queue = queue;
    this.lane =
        queue == null
            ? null
            : Thread.ofPlatform().daemon().name("rekey-messages").start(this::drain);
  }

  /**
   * Messages matched on a thread of their own; {@link #finish()} waits for them, {@link #close()}
   * ends the thread.
   */
  static Messages inBackground(HistorySink sink) {
    return new Messages(sink, new ArrayBlockingQueue<>(QUEUED));
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
    BlockingQueue<Runnable> waiting = queue;
    if (waiting == null) {
      push(message, provenance);
    } else {
      put(waiting, () -> push(message, provenance));
    }
    return message.id();
  }

  private void push(Blob message, Provenance provenance) {
    if (sink.needs(message.id())) {
      sink.accept(message, provenance);
    } else {
      sink.alsoAt(message.id(), provenance);
    }
  }

  /** Waits until every message met so far is scanned. */
  void finish() {
    BlockingQueue<Runnable> waiting = queue;
    if (waiting != null) {
      CountDownLatch done = new CountDownLatch(1);
      put(waiting, done::countDown);
      try {
        done.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("scanning messages interrupted", e);
      }
    }
    RuntimeException failed = failure;
    if (failed != null) {
      throw failed;
    }
  }

  private static void put(BlockingQueue<Runnable> waiting, Runnable task) {
    try {
      waiting.put(task);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("scanning messages interrupted", e);
    }
  }

  /** The background thread: runs what is queued, in order, until closed. */
  private void drain() {
    BlockingQueue<Runnable> waiting = queue;
    try {
      while (waiting != null) {
        Runnable task = waiting.take();
        try {
          task.run();
        } catch (RuntimeException | Error e) { // kept for finish(); the thread goes on
          if (failure == null) {
            failure =
                e instanceof RuntimeException thrown
                    ? thrown
                    : new IllegalStateException("scanning messages failed: " + e, e);
          }
        }
      }
    } catch (InterruptedException e) {
      // closed
    }
  }

  @Override
  public void close() {
    Thread running = lane;
    if (running != null) {
      running.interrupt();
    }
  }
}

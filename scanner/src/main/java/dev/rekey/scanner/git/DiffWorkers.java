package dev.rekey.scanner.git;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Compares commits' trees with their parents' ({@link TreeDiff}) on worker threads while the
 * listing thread walks on and reads the commits: the comparisons are most of a listing's work, and
 * each depends only on the commit and its parents' trees. Commits are handed over in scan order, in
 * runs of consecutive commits (which share most of their trees), and the trees parsed are kept for
 * all workers together: the trees a run starts from were mostly read by the worker of the run
 * before (one cache per worker read 11% more trees on a 161k-commit history). What each run found
 * is recorded into the {@link HistoryIndex} by the listing thread in that same order, so the index
 * and the problems reported do not depend on which thread compared what.
 */
final class DiffWorkers implements AutoCloseable {
  /** Commits per run: enough to reuse the trees of the run's first commits, few to share out. */
  static final int RUN = 256;

  /**
   * Bytes of parsed trees, all workers together. A fuller heap costs more in collections than a
   * smaller cache does in trees read again: measured cold on git, rails and angular-cli (C1 only),
   * 64 MiB took 41.1, 41.1 and 18.4 s of CPU, 32 MiB 39.1, 40.2 and 17.3 s, 16 MiB 38.1, 37.3 and
   * 17.2 s, 8 MiB 37.7, 39.7 and 16.9 s, with the same findings.
   */
  static final long TREE_BYTES = 16L << 20;

  /**
   * Bytes of built trees kept for the deltas that follow, all workers together (smaller costs git's
   * listing more in trees rebuilt than it saves in collections).
   */
  static final long BUILT_BYTES = 32L << 20;

  private final HistoryIndex index;
  private final TreeProblems problems;
  private final int threads;
  private final ExecutorService pool;
  private final BlockingQueue<TreeDiff> idle;
  private final List<ObjectSource> sources = new ArrayList<>();
  private final Deque<Future<DiffBuffer>> running = new ArrayDeque<>();
  private List<TreeDiff.Task> run = new ArrayList<>(RUN);

  /**
   * @param threads the worker threads (each with its own object reader; the parsed trees shared)
   * @param problems where the trees that cannot be read are reported
   */
  DiffWorkers(RepositoryHandle handle, int threads, HistoryIndex index, TreeProblems problems) {
    this.index = index;
    this.problems = problems;
    this.threads = threads;
    this.pool = Executors.newFixedThreadPool(threads);
    this.idle = new ArrayBlockingQueue<>(threads);
    TreeReader.Kept trees = new TreeReader.Kept(TREE_BYTES);
    for (int t = 0; t < threads; t++) {
      ObjectSource objects = new ObjectSource(handle, BUILT_BYTES / threads);
      sources.add(objects);
      idle.add(new TreeDiff(new TreeReader(objects, trees)));
    }
  }

  /**
   * Queues a commit (every parent of which was queued before it, or is known). When the workers
   * lag, waits for the oldest run, so the commits queued and what they found stay a few runs.
   */
  void add(TreeDiff.Task task) {
    run.add(task);
    if (run.size() == RUN) {
      submit();
    }
    recordDone();
    while (running.size() > 2 * threads) {
      recordNext();
    }
  }

  /** Waits for every commit queued and records what was found into the index. */
  void finish() {
    if (!run.isEmpty()) {
      submit();
    }
    while (!running.isEmpty()) {
      recordNext();
    }
  }

  private void submit() {
    List<TreeDiff.Task> tasks = run;
    run = new ArrayList<>(RUN);
    running.add(pool.submit(() -> compare(tasks)));
  }

  private DiffBuffer compare(List<TreeDiff.Task> tasks) throws InterruptedException {
    TreeDiff diff = idle.take();
    try {
      DiffBuffer buffer = new DiffBuffer();
      for (TreeDiff.Task task : tasks) {
        diff.record(task, buffer);
      }
      return buffer;
    } finally {
      idle.add(diff);
    }
  }

  /** Records the runs done at the head of the queue, in order. */
  private void recordDone() {
    while (!running.isEmpty() && running.peek().isDone()) {
      recordNext();
    }
  }

  /** Records the run at the head of the queue, waiting for it. */
  private void recordNext() {
    Future<DiffBuffer> next = running.poll();
    if (next != null) {
      try {
        next.get().recordInto(index, problems);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("listing interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("listing failed: " + e.getCause(), e.getCause());
      }
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
    pool.close();
    sources.forEach(ObjectSource::close);
  }
}

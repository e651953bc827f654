package dev.rekey.scanner.pipeline;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs a task on each item of a list, on a bounded number of threads: how every source reads in
 * parallel (files, history segments, bundle assets).
 */
public final class Parallel {
  private Parallel() {}

  /**
   * Runs {@code task} on every item and waits for all of them.
   *
   * @throws InterruptedException when interrupted while waiting
   */
  public static <T> void forEach(List<T> items, int threads, Consumer<T> task)
      throws InterruptedException {
    int count = Math.min(threads, items.size());
    if (count <= 1) {
      items.forEach(task);
      return;
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(count)) {
      List<Future<?>> done =
          items.stream().<Future<?>>map(item -> pool.submit(() -> task.accept(item))).toList();
      for (Future<?> future : done) {
        future.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("scanning failed: " + e.getCause(), e.getCause());
    }
  }
}

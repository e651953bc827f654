package dev.rekey.bench.engine;

import dev.rekey.detectors.Engine;
import dev.rekey.detectors.Match;
import dev.rekey.detectors.Rule;
import dev.rekey.detectors.rules.RuleCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Engine throughput on one thread over a corpus of realistic text (source code, minified bundles,
 * lock files) read from the folder in system property {@code rekey.bench.corpus}: one operation
 * scans every file once. {@code run.sh} builds the corpus and turns the time per operation into
 * MB/s per core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {
  /** How many rules the engine applies: the whole catalog or an even sample of 20. */
  @Param({"full", "20"})
  public String rules;

  private Engine engine;
  private List<byte[]> files;

  @Setup
  public void setUp() throws IOException {
    engine = new Engine(select(RuleCatalog.builtIn(), rules));
    files = corpus(Path.of(System.getProperty("rekey.bench.corpus", "target/corpus")));
    long bytes = files.stream().mapToLong(f -> f.length).sum();
    System.out.printf(
        "corpus: %d files, %d bytes; rules: %d%n", files.size(), bytes, engine.rules().size());
  }

  @Benchmark
  public int scanCorpus() {
    int found = 0;
    for (byte[] file : files) {
      List<Match> matches = engine.detect(file);
      found += matches.size();
    }
    return found;
  }

  static List<Rule> select(List<Rule> all, String which) {
    if (which.equals("full")) {
      return all;
    }
    int count = Integer.parseInt(which);
    List<Rule> sample = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      sample.add(all.get(i * all.size() / count));
    }
    return sample;
  }

  static List<byte[]> corpus(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException(
          dir + ": no benchmark corpus: run bench/engine/run.sh, which builds it");
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths.filter(Files::isRegularFile).sorted().map(EngineBenchmark::read).toList();
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

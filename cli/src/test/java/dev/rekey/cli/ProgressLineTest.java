package dev.rekey.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.scanner.model.Blob;
import dev.rekey.scanner.model.Provenance;
import dev.rekey.scanner.pipeline.BlobSink;
import dev.rekey.scanner.pipeline.ScanPipeline;
import dev.rekey.scanner.pipeline.ScanProgress;
import dev.rekey.scanner.pipeline.ScanSettings;
import dev.rekey.scanner.pipeline.Source;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  @Test
  void saysWhatIsDoneTheRateAndTheTimeLeft() throws Exception {
    ScanProgress progress = new ScanProgress();
    assertThat(ProgressLine.describe(progress, 1_000_000_000L))
        .isEqualTo("scanning: listing what to read…");
    Source twoOfFour =
        new Source() {
          @Override
          public String describe() {
            return "test";
          }

          @Override
          public void scan(BlobSink sink) {
            sink.expect(4);
            for (String text : List.of("a".repeat(1 << 20), "b".repeat(1 << 20))) {
              sink.accept(Blob.of(text.getBytes(StandardCharsets.UTF_8)), new Provenance.File("f"));
            }
          }
        };
    new ScanPipeline(new dev.rekey.detectors.Engine(List.of()), ScanSettings.defaults())
        .run(List.of(twoOfFour), progress);
    assertThat(ProgressLine.describe(progress, 2_000_000_000L))
        .isEqualTo("scanning 2/4 blobs  2.0 MiB  1 MiB/s  0:02 left");
  }
}

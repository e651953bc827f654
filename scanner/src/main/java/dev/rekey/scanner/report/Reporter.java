package dev.rekey.scanner.report;

import dev.rekey.scanner.model.ScanResult;
import java.io.IOException;
import java.io.Writer;

/** Writes a scan result in one format. */
public interface Reporter {

  /** Writes {@code result} to {@code out}; does not close it. */
  void write(ScanResult result, Writer out) throws IOException;
}

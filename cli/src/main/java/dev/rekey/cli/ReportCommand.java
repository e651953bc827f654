package dev.rekey.cli;

import dev.rekey.rotators.RunId;
import dev.rekey.scanner.report.AuditReport;
import dev.rekey.scanner.report.AuditReportReader;
import dev.rekey.scanner.report.HtmlReporter;
import dev.rekey.scanner.report.ReportException;
import dev.rekey.scanner.report.ReportOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code rekey report}: a saved JSON or JSON Lines report, rendered as one HTML page. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Render a rekey scan report (--format json or jsonl) as one self-contained HTML page.",
      "%nThe page holds a summary, a timeline, a prioritised table with the command that rotates"
          + " each secret, every place, and what was scanned. It loads nothing from the network"
          + " and never holds a secret, even from a report written with --show-secrets.",
      ""
    },
    footerHeading = "%nExit codes:%n",
    footer = {"  0  page written", "  2  usage or operational error (a report that does not read)"})
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ParentCommand RekeyCommand parent;

  @Parameters(
      index = "0",
      paramLabel = "REPORT",
      description = "A report written by rekey scan --format json or jsonl.")
  Path input;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the page to FILE instead of standard output.")
  @Nullable Path output;

  @Option(
      names = "--journal",
      paramLabel = "RUN_ID",
      description = "Show how rotation run RUN_ID went, from its journal.")
  @Nullable String journal;

  @Mixin JournalDirOption journalDir = new JournalDirOption();

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      AuditReport report = AuditReportReader.read(input);
      if (output != null && Files.exists(output) && Files.isSameFile(output, input)) {
        err.println("rekey: " + output + ": is the report itself: write the page to another file");
        return ExitCode.ERROR;
      }
      if (journal != null) {
        Path dir = journalDir.dir(parent.env());
        report = report.withRotation(JournalOutcomes.read(dir, new RunId(journal)));
      }
      StringWriter page = new StringWriter();
      new HtmlReporter(new ReportOptions(false, false, Main.version()))
          .write(report, scannedAt(), page);
      write(page.toString());
      return ExitCode.CLEAN;
    } catch (ReportException | IllegalArgumentException | IOException e) {
      err.println("rekey: " + e.getMessage());
      return ExitCode.ERROR;
    }
  }

  /**
   * When the scan ran, as near as the report tells: a report is written as its scan ends, so its
   * file's time (a copy may carry a later one; never later than now). Ages and the timeline end
   * there.
   */
  private Instant scannedAt() throws IOException {
    Instant written = Files.getLastModifiedTime(input).toInstant();
    Instant now = Instant.now();
    return written.isAfter(now) ? now : written;
  }

  private void write(String page) throws IOException {
    if (output == null) {
      spec.commandLine().getOut().print(page);
      spec.commandLine().getOut().flush();
      return;
    }
    try {
      Files.writeString(output, page, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IOException(
          output + ": cannot write the page: " + e.getMessage() + ": check the folder exists", e);
    }
  }
}

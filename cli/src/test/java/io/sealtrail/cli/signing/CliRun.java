package io.sealtrail.cli.signing;

import io.sealtrail.cli.Sealtrail;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run of the {@code sealtrail} command line, with its exit code and captured output. */
record CliRun(int exitCode, String out, String err) {

  static CliRun sealtrail(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = new CommandLine(new Sealtrail());
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new CliRun(exitCode, out.toString(), err.toString());
  }
}

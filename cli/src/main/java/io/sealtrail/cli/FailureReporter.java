package io.sealtrail.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into one line on stderr and exit code 2: users get the
 * reason, not a stack trace (set {@code SEALTRAIL_DEBUG=1} to see it). Exit code 1 stays reserved
 * for a verdict, such as {@code verify}'s "rejected", so a crash is never mistaken for one.
 */
final class FailureReporter implements IExecutionExceptionHandler {

  static final int FAILED = 2;

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
    var err = cmd.getErr();
    err.println(cmd.getCommandName() + ": " + describe(e));
    if (System.getenv("SEALTRAIL_DEBUG") != null) {
      e.printStackTrace(err);
    }
    err.flush();
    return FAILED;
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (root == e || root.getMessage() == null || message.contains(root.getMessage())) {
      return message;
    }
    return message + " (caused by: " + root.getMessage() + ")";
  }
}

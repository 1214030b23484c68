package io.sealtrail.cli.query;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that reads from the API: a failure becomes one line on stderr ({@code serial: error:
 * ...}) and its exit code, never a stack trace.
 */
abstract class QueryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ReadAccess access;

  /** Reads and prints; throws {@link QueryFailure} for an answer that is not one. */
  abstract void run() throws IOException;

  @Override
  public final Integer call() {
    try {
      run();
      out().flush();
      return 0;
    } catch (QueryFailure e) {
      return fail(e.getMessage(), e.exitCode());
    } catch (IllegalArgumentException e) {
      return fail(e.getMessage(), QueryFailure.REFUSED);
    } catch (IOException e) {
      return fail(
          e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
          QueryFailure.UNAVAILABLE);
    }
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private int fail(String message, int code) {
    out().flush();
    var err = spec.commandLine().getErr();
    err.println(spec.qualifiedName().replace("sealtrail ", "") + ": error: " + message);
    err.flush();
    return code;
  }
}

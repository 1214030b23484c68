package io.sealtrail.cli.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A command that reads from the API: a failure becomes one line on stderr ({@code serial: error:
 * ...}) and its exit code, never a stack trace.
 */
abstract class QueryCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;
  @Mixin ReadAccess access;

  @Option(
      names = "--json",
      description =
          "Print the service's answers as JSON instead of text (one document; a stream: one per"
              + " line), for scripts and jq.")
  boolean json;

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

  /** {@code answer} as one line of JSON. */
  void printJson(JsonNode answer) throws IOException {
    out().println(JSON.writeValueAsString(answer));
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

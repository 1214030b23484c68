package io.sealtrail.cli.signing;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that reads and writes key and envelope files: unreadable input becomes one clear line
 * on stderr and exit code {@value #EXIT_INPUT_ERROR}, never a stack trace.
 */
abstract class FileCommand implements Callable<Integer> {
  static final int EXIT_OK = 0;
  static final int EXIT_REJECTED = 1;
  static final int EXIT_INPUT_ERROR = 2;

  @Spec CommandSpec spec;

  /** Runs the command; throws for unreadable input, returns the exit code otherwise. */
  abstract int run() throws IOException;

  @Override
  public final Integer call() {
    try {
      return run();
    } catch (IOException e) {
      return fail(describe(e));
    } catch (UncheckedIOException e) {
      return fail(describe(e.getCause()));
    } catch (IllegalArgumentException e) {
      return fail(e.getMessage());
    }
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  private int fail(String message) {
    err().println(spec.qualifiedName() + ": error: " + message);
    err().flush();
    return EXIT_INPUT_ERROR;
  }

  private static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file: " + e.getMessage();
    }
    if (e instanceof FileAlreadyExistsException) {
      return "already exists, not overwriting: " + e.getMessage();
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied: " + e.getMessage();
    }
    return e.toString();
  }
}

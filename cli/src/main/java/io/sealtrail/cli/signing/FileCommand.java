package io.sealtrail.cli.signing;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that reads and writes key and envelope files: unreadable input becomes one clear line
 * on stderr naming the file and the problem ({@code event.json: not UTF-8}) and exit code {@value
 * #EXIT_INPUT_ERROR}, never a stack trace.
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

  /** The bytes of {@code file}; an error names the file and what is wrong with it. */
  static byte[] readBytes(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new FileSystemException(file.toString(), null, "is a directory");
    }
    try {
      return Files.readAllBytes(file);
    } catch (FileSystemException e) {
      throw e;
    } catch (IOException e) {
      throw new FileSystemException(file.toString(), null, e.getMessage());
    }
  }

  /** The text of {@code file}, which must be UTF-8. */
  static String readText(Path file) throws IOException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(readBytes(file)))
          .toString();
    } catch (CharacterCodingException e) {
      throw new FileSystemException(file.toString(), null, "not UTF-8");
    }
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
    if (e instanceof FileSystemException f && f.getFile() != null) {
      String reason = f.getReason() == null ? "cannot be read or written" : f.getReason();
      return f.getFile()
          + ": "
          + reason.substring(0, 1).toLowerCase(Locale.ROOT)
          + reason.substring(1);
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}

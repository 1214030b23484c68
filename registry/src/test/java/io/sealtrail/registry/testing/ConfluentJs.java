package io.sealtrail.registry.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Confluent's official JavaScript client ({@code @confluentinc/schemaregistry}, pinned by the
 * committed package-lock.json) installed with {@code npm ci} into {@code target/}, and the small
 * script {@code src/test/js/interop.js} that drives it.
 */
public final class ConfluentJs {
  private static final Path SOURCES = Path.of("src", "test", "js");
  private static final Path INSTALL = Path.of("target", "confluent-js");

  private ConfluentJs() {}

  /** Installs the client unless already installed from the same lock file; skips without node. */
  public static void install() throws IOException, InterruptedException {
    Assumptions.assumeTrue(
        available("node") && available("npm"),
        "node and npm are not on the PATH: skipping the interop test with Confluent's JavaScript client");
    Files.createDirectories(INSTALL);
    Path lock = INSTALL.resolve("package-lock.json");
    boolean installed =
        Files.isDirectory(INSTALL.resolve("node_modules"))
            && Files.exists(lock)
            && Files.mismatch(lock, SOURCES.resolve("package-lock.json")) == -1;
    for (String file : List.of("package.json", "package-lock.json", "interop.js")) {
      Files.copy(SOURCES.resolve(file), INSTALL.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    if (!installed) {
      run(300, "npm", "ci", "--no-audit", "--no-fund");
    }
  }

  /** Runs the interop script and answers what it printed. */
  public static String interop(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", "interop.js"));
    command.addAll(Arrays.asList(args));
    return run(60, command.toArray(String[]::new));
  }

  private static String run(int seconds, String... command)
      throws IOException, InterruptedException {
    Path errors = Files.createTempFile("confluent-js", ".err");
    Process process =
        new ProcessBuilder(command)
            .directory(INSTALL.toFile())
            .redirectError(errors.toFile())
            .start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          String.join(" ", command) + " did not finish within " + seconds + " s");
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          String.join(" ", command)
              + " failed with exit code "
              + process.exitValue()
              + ":\n"
              + Files.readString(errors));
    }
    Files.delete(errors);
    return new String(out, StandardCharsets.UTF_8).trim();
  }

  private static boolean available(String tool) {
    try {
      Process process = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}

package io.sealtrail.testing;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * An npm project of a module's tests (its {@code package.json}, committed {@code package-lock.json}
 * and scripts under {@code src/test/js}) installed with {@code npm ci} into {@code target/}, to run
 * another implementation (a vendor's JavaScript client, a standard's SDK) against ours. Without
 * node and npm the test is skipped, unless the system property {@code sealtrail.require.node} is
 * true (CI), where it fails.
 */
public final class NodePackage {
  private static final Path SOURCES = Path.of("src", "test", "js");
  private final Path install;

  private NodePackage(Path install) {
    this.install = install;
  }

  /**
   * Copies {@code files} (with package.json and package-lock.json) into {@code target/<name>} and
   * installs the lock file's packages unless already installed from the same lock file.
   */
  public static NodePackage install(String name, String purpose, String... files)
      throws IOException, InterruptedException {
    boolean tools = available("node") && available("npm");
    if (!tools && Boolean.getBoolean("sealtrail.require.node")) {
      throw new IllegalStateException("node and npm are required here for " + purpose);
    }
    Assumptions.assumeTrue(tools, "node and npm are not on the PATH: skipping " + purpose);
    NodePackage project = new NodePackage(Path.of("target", name));
    Files.createDirectories(project.install);
    // Test classes of one module run in parallel JVMs (failsafe's forkCount): one installs while
    // the others wait, rather than each running npm ci over the others' node_modules.
    try (FileChannel channel =
            FileChannel.open(
                Path.of("target", name + ".lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock held = channel.lock()) {
      Path lock = project.install.resolve("package-lock.json");
      boolean installed =
          Files.isDirectory(project.install.resolve("node_modules"))
              && Files.exists(lock)
              && Files.mismatch(lock, SOURCES.resolve("package-lock.json")) == -1;
      for (String file : concat(List.of("package.json", "package-lock.json"), files)) {
        Path copy = project.install.resolve(file);
        // Left alone when the same: another JVM may be running it.
        if (!Files.exists(copy) || Files.mismatch(SOURCES.resolve(file), copy) != -1) {
          Files.copy(SOURCES.resolve(file), copy, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      if (!installed) {
        project.run(300, "npm", "ci", "--no-audit", "--no-fund");
      }
    }
    return project;
  }

  /** Runs {@code command} in the project and answers what it printed; fails on a non-zero exit. */
  public String run(int seconds, String... command) throws IOException, InterruptedException {
    Path errors = Files.createTempFile("node-package", ".err");
    Process process =
        new ProcessBuilder(command)
            .directory(install.toFile())
            .redirectError(errors.toFile())
            .start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          String.join(" ", command) + " did not finish within " + seconds + " s");
    }
    String stderr = Files.readString(errors);
    Files.delete(errors);
    if (process.exitValue() != 0) {
      // node quotes the failing line of a minified bundle in full: keep the end, where the error is
      String tail =
          stderr.length() > 4000 ? "..." + stderr.substring(stderr.length() - 4000) : stderr;
      throw new IllegalStateException(
          String.join(" ", command)
              + " failed with exit code "
              + process.exitValue()
              + ":\n"
              + tail);
    }
    return new String(out, StandardCharsets.UTF_8).trim();
  }

  /** Starts {@code command} in the project, its standard error going to the test's. */
  public Process start(String... command) throws IOException {
    return new ProcessBuilder(command)
        .directory(install.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  private static List<String> concat(List<String> first, String... more) {
    return java.util.stream.Stream.concat(first.stream(), java.util.Arrays.stream(more)).toList();
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

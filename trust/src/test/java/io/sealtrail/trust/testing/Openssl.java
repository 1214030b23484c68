package io.sealtrail.trust.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code openssl} command line, the independent implementation interop tests compare with.
 */
public final class Openssl {
  private final Path dir;

  public Openssl(Path dir) {
    this.dir = dir;
  }

  /** Skips the calling test, with a clear message, where openssl is not installed. */
  public static void assumeInstalled() {
    assumeTrue(
        available(),
        "openssl is not on the PATH: interop with an independent implementation is not checked");
  }

  /** Runs {@code openssl args...} in the working directory; fails the test on a non-zero exit. */
  public String run(String... args) {
    Result result = tryRun(args);
    if (result.exitCode() != 0) {
      throw new AssertionError("openssl " + String.join(" ", args) + " failed: " + result.output());
    }
    return result.output();
  }

  /** Runs {@code openssl args...} and returns its exit code and output, whatever they are. */
  public Result tryRun(String... args) {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    try {
      Process process =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("openssl timed out: " + command);
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted running " + command, e);
    }
  }

  /** Generates a key pair with openssl: {@code name.key.pem} (PKCS#8) and {@code name.pub.pem}. */
  public void generateKey(String algorithm, String name) {
    if (algorithm.equals("ed25519")) {
      run("genpkey", "-algorithm", "ed25519", "-out", name + ".key.pem");
    } else {
      run(
          "genpkey",
          "-algorithm",
          "EC",
          "-pkeyopt",
          "ec_paramgen_curve:P-256",
          "-out",
          name + ".key.pem");
    }
    run("pkey", "-in", name + ".key.pem", "-pubout", "-out", name + ".pub.pem");
  }

  /** Writes a password-protected (PKCS#8, AES-256) Ed25519 private key to {@code file}. */
  public void generateEncryptedKey(String file) {
    run("genpkey", "-algorithm", "ed25519", "-aes-256-cbc", "-pass", "pass:secret", "-out", file);
  }

  /** Signs {@code messageFile} into {@code signatureFile} with {@code openssl pkeyutl}. */
  public void sign(String algorithm, String keyFile, String messageFile, String signatureFile) {
    run(pkeyutl(algorithm, "-sign", "-inkey", keyFile, "-in", messageFile, "-out", signatureFile));
  }

  /** True when {@code openssl pkeyutl -verify} accepts the signature. */
  public boolean verify(
      String algorithm, String publicKeyFile, String messageFile, String signatureFile) {
    String[] command =
        pkeyutl(
            algorithm,
            "-verify",
            "-pubin",
            "-inkey",
            publicKeyFile,
            "-in",
            messageFile,
            "-sigfile",
            signatureFile);
    return tryRun(command).exitCode() == 0;
  }

  // -rawin signs the message itself (as DSSE wants); ECDSA then needs its digest named.
  private static String[] pkeyutl(String algorithm, String... args) {
    List<String> command = new ArrayList<>(List.of("pkeyutl", "-rawin"));
    command.addAll(List.of(args));
    if (!algorithm.equals("ed25519")) {
      command.addAll(List.of("-digest", "sha256"));
    }
    return command.toArray(String[]::new);
  }

  private static boolean available() {
    try {
      Process process = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** An openssl exit code and its combined output. */
  public record Result(int exitCode, String output) {}
}

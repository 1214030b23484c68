package io.sealtrail.log.key;

import java.nio.file.Path;

/**
 * {@code GenerateLogKey FILE ORIGIN}: writes a fresh log key for {@code ORIGIN} to {@code FILE}
 * (mode 600) unless the file exists, and prints the verifier key to publish. Deployments run it
 * once (deploy/'s {@code log-key} step); local mode does the same itself.
 */
public final class GenerateLogKey {
  private GenerateLogKey() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: GenerateLogKey FILE ORIGIN");
      System.exit(2);
    }
    System.out.println(LogKey.ensure(Path.of(args[0]), args[1]).verifierKey());
  }
}

package io.sealtrail.registry.testing;

import io.sealtrail.testing.NodePackage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Confluent's official JavaScript client ({@code @confluentinc/schemaregistry}, pinned by the
 * committed package-lock.json) installed with {@code npm ci} into {@code target/}, and the small
 * script {@code src/test/js/interop.js} that drives it.
 */
public final class ConfluentJs {
  private static NodePackage client;

  private ConfluentJs() {}

  /** Installs the client unless already installed from the same lock file; skips without node. */
  public static void install() throws IOException, InterruptedException {
    client =
        NodePackage.install(
            "confluent-js", "the interop test with Confluent's JavaScript client", "interop.js");
  }

  /** Runs the interop script and answers what it printed. */
  public static String interop(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", "interop.js"));
    command.addAll(Arrays.asList(args));
    return client.run(60, command.toArray(String[]::new));
  }
}

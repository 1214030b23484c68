package io.sealtrail.platform.health;

import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a container's main thread while its node runs and exits the process once the node stopped
 * on its own (its streams stopped for good, a background loop died): an instance that no longer
 * works must not linger, so that the orchestrator restarts it even without a liveness probe. A
 * SIGTERM closes the node through a shutdown hook instead.
 */
public final class ExitWhenStopped {
  private static final Logger LOG = LoggerFactory.getLogger(ExitWhenStopped.class);

  private ExitWhenStopped() {}

  /**
   * Closes {@code node} on SIGTERM; returns only by exiting with status 1 once {@code stopped}
   * completed, which it must never do because of the node's own close.
   */
  public static void hold(String service, AutoCloseable node, CompletableFuture<?> stopped) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    node.close();
                  } catch (Exception e) {
                    LOG.warn("{} did not close cleanly", service, e);
                  }
                },
                service + "-shutdown"));
    Throwable cause = stopped.handle((done, failure) -> failure).join();
    LOG.error(
        "{} stopped on its own{}; exiting so that the instance is restarted",
        service,
        cause == null ? "" : " (" + cause + ")");
    System.exit(1);
  }
}

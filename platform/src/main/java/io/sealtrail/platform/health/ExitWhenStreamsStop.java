package io.sealtrail.platform.health;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a container's main thread while its Kafka Streams run and exits the process once they
 * stopped for good (an unexpected error shuts the client down): an instance that no longer
 * processes must not linger, so that the orchestrator restarts it even without a liveness probe.
 */
public final class ExitWhenStreamsStop {
  private static final Logger LOG = LoggerFactory.getLogger(ExitWhenStreamsStop.class);
  private static final Duration WATCH_EVERY = Duration.ofSeconds(2);

  private ExitWhenStreamsStop() {}

  /** Returns only by exiting with status 1 when {@code streams} stopped for good. */
  public static void watch(StreamsHealthCheck streams) throws InterruptedException {
    while (!streams.stoppedForGood()) {
      Thread.sleep(WATCH_EVERY.toMillis());
    }
    LOG.error(
        "{} are {}; exiting so that the instance is restarted",
        streams.name(),
        streams.state().get());
    System.exit(1);
  }
}

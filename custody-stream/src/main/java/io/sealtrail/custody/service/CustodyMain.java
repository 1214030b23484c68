package io.sealtrail.custody.service;

import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one custody-stream instance in a container: configuration only from the environment ({@link
 * CustodyEnvironment}), stopped by SIGTERM. Exits when the streams stop on their own (an unexpected
 * error shuts the client down), so the orchestrator restarts the instance.
 */
public final class CustodyMain {
  private static final Logger LOG = LoggerFactory.getLogger(CustodyMain.class);
  private static final Duration WATCH_EVERY = Duration.ofSeconds(2);

  private CustodyMain() {}

  public static void main(String[] args) throws InterruptedException {
    CustodyEnvironment env = CustodyEnvironment.from(System.getenv());
    CustodyStreamService service = CustodyStreamService.start(env.streams(), env.query());
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "custody-shutdown"));
    LOG.info(
        "custody-stream {} serving queries on port {}",
        env.query().advertisedHost(),
        service.httpPort());
    while (!stopped(service.state())) {
      Thread.sleep(WATCH_EVERY.toMillis());
    }
    LOG.error("custody-stream is {}; exiting so that the instance is restarted", service.state());
    System.exit(1);
  }

  private static boolean stopped(KafkaStreams.State state) {
    return state == KafkaStreams.State.ERROR
        || state == KafkaStreams.State.NOT_RUNNING
        || state == KafkaStreams.State.PENDING_ERROR;
  }
}

package io.sealtrail.custody.service;

import io.sealtrail.platform.health.ExitWhenStreamsStop;
import io.sealtrail.platform.health.StreamsHealthCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one custody-stream instance in a container: configuration only from the environment ({@link
 * CustodyEnvironment}), stopped by SIGTERM. Exits when the streams stop on their own (an unexpected
 * error shuts the client down), so the orchestrator restarts the instance.
 */
public final class CustodyMain {
  private static final Logger LOG = LoggerFactory.getLogger(CustodyMain.class);

  private CustodyMain() {}

  public static void main(String[] args) throws InterruptedException {
    CustodyEnvironment env = CustodyEnvironment.from(System.getenv());
    CustodyStreamService service = CustodyStreamService.start(env.streams(), env.query());
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "custody-shutdown"));
    LOG.info(
        "custody-stream {} serving queries on port {}",
        env.query().advertisedHost(),
        service.httpPort());
    ExitWhenStreamsStop.watch(
        new StreamsHealthCheck("custody-stream's streams", () -> service.state().name()));
  }
}

package io.sealtrail.log;

import io.sealtrail.platform.health.ExitWhenStopped;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone log service, configured by environment variables only (module README). Exits with
 * status 1 when it stops on its own, so that the orchestrator restarts the instance.
 */
public final class LogMain {
  private static final Logger LOG = LoggerFactory.getLogger(LogMain.class);

  private LogMain() {}

  public static void main(String[] args) {
    LogNode node = LogNode.start(LogConfig.fromEnvironment(System.getenv()));
    LOG.info(
        "log-service is up: HTTP on {}, metrics on {}",
        node.url(),
        node.managementUrl().orElseThrow());
    ExitWhenStopped.hold("log-service", node, node.stopped());
  }
}

package io.sealtrail.custody;

import io.sealtrail.platform.health.ExitWhenStopped;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one custody-stream instance in a container: configuration only from the environment ({@link
 * CustodyConfig#ENVIRONMENT}), closed by SIGTERM. Exits when the streams stop on their own (an
 * unexpected error shuts the client down), so that the orchestrator restarts the instance.
 */
public final class CustodyMain {
  private static final Logger LOG = LoggerFactory.getLogger(CustodyMain.class);

  private CustodyMain() {}

  public static void main(String[] args) {
    CustodyConfig config = CustodyConfig.fromEnvironment(System.getenv());
    CustodyNode node = CustodyNode.start(config);
    LOG.info("custody-stream {} serving queries on {}", config.http().advertisedHost(), node.url());
    ExitWhenStopped.hold("custody-stream", node, node.stopped());
  }
}

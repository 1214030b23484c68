package io.sealtrail.anomaly;

import io.sealtrail.platform.health.ExitWhenStopped;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one anomaly-service instance in a container: configuration only from the environment ({@link
 * AnomalyConfig#ENVIRONMENT}, listed in the README), closed by SIGTERM. Exits when a part stops on
 * its own (the streams, the alert feed, the webhook notifier), so that the orchestrator restarts
 * the instance.
 */
public final class AnomalyMain {
  private static final Logger LOG = LoggerFactory.getLogger(AnomalyMain.class);

  private AnomalyMain() {}

  public static void main(String[] args) {
    AnomalyNode node = AnomalyNode.start(AnomalyConfig.fromEnvironment(System.getenv()));
    LOG.info(
        "anomaly-service is up: HTTP on {}, metrics on {}",
        node.url(),
        node.managementUrl().map(Object::toString).orElse("no port"));
    ExitWhenStopped.hold("anomaly-service", node, node.stopped());
  }
}

package io.sealtrail.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one ingest instance in a container: configuration only from the environment ({@link
 * IngestConfig#fromEnvironment}), role tokens from mounted files, stopped by SIGTERM. Exits when
 * the node's loops die, so the orchestrator restarts it.
 */
public final class IngestMain {
  private static final Logger LOG = LoggerFactory.getLogger(IngestMain.class);

  private IngestMain() {}

  public static void main(String[] args) throws Exception {
    IngestConfig config = IngestConfig.fromEnvironment(System.getenv());
    IngestNode node = IngestNode.start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> close(node), "ingest-shutdown"));
    LOG.info(
        "ingest {} serving on {}, metrics on {}",
        config.instanceId(),
        node.url(),
        node.managementUrl().map(Object::toString).orElse("no port"));
    node.stopped().handle((done, failure) -> null).join();
    LOG.error("ingest node stopped; exiting so that the instance is restarted");
    System.exit(1);
  }

  private static void close(IngestNode node) {
    try {
      node.close();
    } catch (Exception e) {
      LOG.warn("closing the ingest node failed", e);
    }
  }
}

package io.sealtrail.ingest;

import io.sealtrail.ingest.http.IngestService;
import io.sealtrail.platform.auth.RoleTokens;
import io.sealtrail.platform.http.HttpBinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one ingest instance in a container: configuration only from the environment ({@link
 * IngestEnvironment}), role tokens from mounted files, stopped by SIGTERM. Exits when the node's
 * loops die, so the orchestrator restarts it.
 */
public final class IngestMain {
  private static final Logger LOG = LoggerFactory.getLogger(IngestMain.class);

  private IngestMain() {}

  public static void main(String[] args) throws Exception {
    IngestEnvironment env = IngestEnvironment.from(System.getenv());
    IngestService service = start(env);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> close(service), "ingest-shutdown"));
    LOG.info(
        "ingest {} serving on {}, metrics on {}",
        env.instanceId(),
        service.url(),
        service.managementUrl().map(Object::toString).orElse("no port"));
    service.node().stopped().handle((done, failure) -> null).join();
    LOG.error("ingest node stopped; exiting so that the instance is restarted");
    System.exit(1);
  }

  /** Starts the service {@code env} describes. */
  public static IngestService start(IngestEnvironment env) throws Exception {
    return IngestService.start(
        env.ingestConfig(),
        env.serdeConfig(),
        IngestListener.NONE,
        RoleTokens.load(env.tokensDir()),
        new HttpBinding(env.httpHost(), env.httpPort()).withManagementPort(env.managementPort()));
  }

  private static void close(IngestService service) {
    try {
      service.close();
    } catch (Exception e) {
      LOG.warn("closing the ingest service failed", e);
    }
  }
}

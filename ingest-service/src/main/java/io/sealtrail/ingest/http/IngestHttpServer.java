package io.sealtrail.ingest.http;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The ingest HTTP server around running ingest parts: a Micronaut application context holding the
 * {@link IngestBackend} as a singleton and an embedded Netty server, closed together.
 */
public final class IngestHttpServer implements AutoCloseable {
  private final ApplicationContext context;
  private final EmbeddedServer server;

  private IngestHttpServer(ApplicationContext context, EmbeddedServer server) {
    this.context = context;
    this.server = server;
  }

  /**
   * Starts serving on {@code host:port} (port 0 picks a free one); {@code properties} may set any
   * Micronaut or {@code sealtrail.http.*} key.
   */
  public static IngestHttpServer start(
      IngestBackend backend, String host, int port, Map<String, Object> properties) {
    Map<String, Object> all = new HashMap<>(properties);
    all.put("micronaut.server.host", host);
    all.put("micronaut.server.port", port);
    ApplicationContext context =
        ApplicationContext.builder().properties(all).singletons(backend).start();
    try {
      EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
      return new IngestHttpServer(context, server);
    } catch (RuntimeException e) {
      context.close();
      throw e;
    }
  }

  /** Where the server answers, e.g. {@code http://localhost:8080}. */
  public URI url() {
    return URI.create("http://" + server.getHost() + ":" + server.getPort());
  }

  public ApplicationContext context() {
    return context;
  }

  @Override
  public void close() {
    context.close();
  }
}

package io.sealtrail.ingest.http;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.sealtrail.platform.auth.RoleTokens;
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

  /** Starts serving where {@code http} says, admitting administrators by {@code tokens}. */
  public static IngestHttpServer start(IngestBackend backend, RoleTokens tokens, HttpBinding http) {
    Map<String, Object> all = new HashMap<>(http.properties());
    all.put("micronaut.server.host", http.host());
    all.put("micronaut.server.port", http.port());
    ApplicationContext context =
        ApplicationContext.builder().properties(all).singletons(backend, tokens).start();
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

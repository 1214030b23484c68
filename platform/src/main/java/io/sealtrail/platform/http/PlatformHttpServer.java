package io.sealtrail.platform.http;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One Micronaut context and its Netty server for whatever services are handed in: each service
 * contributes its backend beans (and {@code RoleTokens}), and only the controllers whose backend is
 * among them answer. Closed as one.
 */
public final class PlatformHttpServer implements AutoCloseable {
  /**
   * The transport's ceiling on a request body, 6 MiB: above every route's own documented limit
   * (ingest's 5 MiB), so that routes see an oversized body and answer it with their own problem.
   */
  public static final int MAX_REQUEST_BYTES = 6 * 1024 * 1024;

  private final ApplicationContext context;
  private final EmbeddedServer server;

  private PlatformHttpServer(ApplicationContext context, EmbeddedServer server) {
    this.context = context;
    this.server = server;
  }

  /** Serves {@code singletons}' routes where {@code http} says; the binding's properties win. */
  public static PlatformHttpServer start(HttpBinding http, List<Object> singletons) {
    Map<String, Object> all = new HashMap<>();
    all.put("micronaut.server.max-request-size", MAX_REQUEST_BYTES);
    all.putAll(http.properties());
    all.put("micronaut.server.host", http.host());
    all.put("micronaut.server.port", http.port());
    ApplicationContext context =
        ApplicationContext.builder().properties(all).singletons(singletons.toArray()).start();
    try {
      return new PlatformHttpServer(context, context.getBean(EmbeddedServer.class).start());
    } catch (RuntimeException e) {
      context.close();
      throw e;
    }
  }

  /** Where the server answers, e.g. {@code http://localhost:8080}. */
  public URI url() {
    return URI.create("http://" + server.getHost() + ":" + server.getPort());
  }

  /** The port it listens on, the bound one when asked for 0. */
  public int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    server.stop();
    context.close();
  }
}

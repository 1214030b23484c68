package io.sealtrail.platform.http;

import io.sealtrail.platform.auth.RoleTokens;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a node gives HTTP: the beans of its routes and health, and, when it serves {@link
 * Serving.Alone alone}, the server of its own that serves them with its role tokens and its meters
 * (on the management port). Shared, no server is started: the host serves {@link #beans()}.
 */
public final class NodeHttp implements AutoCloseable {
  private final String service;
  private final List<Object> beans;
  private final PlatformHttpServer server;

  private NodeHttp(String service, List<Object> beans, PlatformHttpServer server) {
    this.service = service;
    this.beans = beans;
    this.server = server;
  }

  /**
   * Serves {@code beans} as {@code serving} says: alone, on a server at {@code binding} with the
   * role tokens of {@code tokenDir} and the meters; shared, not at all.
   */
  public static NodeHttp serve(
      String service, Serving serving, HttpBinding binding, Path tokenDir, List<Object> beans) {
    if (serving instanceof Serving.Shared) {
      return new NodeHttp(service, List.copyOf(beans), null);
    }
    List<Object> served = new ArrayList<>(beans);
    served.add(RoleTokens.load(tokenDir));
    // Scraped at /prometheus on the management port only: the meters name every partner.
    served.add(serving.meters());
    return new NodeHttp(service, List.copyOf(beans), PlatformHttpServer.start(binding, served));
  }

  /** The beans of the node's routes and health; a shared server adds its role tokens. */
  public List<Object> beans() {
    return beans;
  }

  /** Where the node's own server answers; only when it serves alone. */
  public URI url() {
    return own().url();
  }

  /** Where the node's {@code /prometheus} answers, if anywhere; only when it serves alone. */
  public Optional<URI> managementUrl() {
    return own().managementUrl();
  }

  private PlatformHttpServer own() {
    if (server == null) {
      throw new IllegalStateException(service + "'s routes are on a shared server");
    }
    return server;
  }

  /** Stops the node's own server, if it has one. */
  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }
}

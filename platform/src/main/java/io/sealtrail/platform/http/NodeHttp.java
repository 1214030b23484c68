package io.sealtrail.platform.http;

import io.sealtrail.platform.auth.Identity;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a node gives HTTP: the beans of its routes and health, and, when it serves {@link
 * Serving.Alone alone}, the server of its own that serves them with its {@link Identity} (who its
 * gates let in, with the user directory's readiness) and its meters (on the management port).
 * Shared, no server is started: the host serves {@link #beans()} with the host's identity.
 */
public final class NodeHttp implements AutoCloseable {
  private final String service;
  private final List<Object> beans;
  private final PlatformHttpServer server;
  private final Identity identity;

  private NodeHttp(
      String service, List<Object> beans, PlatformHttpServer server, Identity identity) {
    this.service = service;
    this.beans = beans;
    this.server = server;
    this.identity = identity;
  }

  /**
   * Serves {@code beans} as {@code serving} says: alone, on a server at {@code binding} with the
   * identity {@code identity} opens (closed with this) and the meters; shared, not at all, and no
   * identity is opened.
   */
  public static NodeHttp serve(
      String service,
      Serving serving,
      HttpBinding binding,
      Supplier<Identity> identity,
      List<Object> beans) {
    if (serving instanceof Serving.Shared) {
      return new NodeHttp(service, List.copyOf(beans), null, null);
    }
    Identity known = identity.get();
    try {
      List<Object> served = new ArrayList<>(beans);
      served.add(known.authenticator());
      served.addAll(known.healthChecks());
      // Scraped at /prometheus on the management port only: the meters name every partner.
      served.add(serving.meters());
      return new NodeHttp(
          service, List.copyOf(beans), PlatformHttpServer.start(binding, served), known);
    } catch (RuntimeException e) {
      known.close();
      throw e;
    }
  }

  /** The beans of the node's routes and health; a shared server adds its identity. */
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

  /** Stops the node's own server and its identity, if it has them. */
  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
    if (identity != null) {
      identity.close();
    }
  }
}

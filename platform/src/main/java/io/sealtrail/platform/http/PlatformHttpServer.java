package io.sealtrail.platform.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.sealtrail.platform.audit.AuditLog;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Micronaut context and its Netty server for whatever services are handed in: each service
 * contributes its backend beans (and the host its one {@code Authenticator}), and only the
 * controllers whose backend is among them answer. The meter registries among them are served at
 * {@code /prometheus} by a second, management server on the binding's management port, never on the
 * API's. Closed as one.
 */
public final class PlatformHttpServer implements AutoCloseable {
  /** The property that marks the management context; only it serves {@code /prometheus}. */
  public static final String MANAGEMENT_PROPERTY = "sealtrail.management.server";

  /**
   * The transport's ceiling on a request body, 6 MiB: above every route's own documented limit
   * (ingest's 5 MiB), so that routes see an oversized body and answer it with their own problem.
   */
  public static final int MAX_REQUEST_BYTES = 6 * 1024 * 1024;

  private final ApplicationContext context;
  private final EmbeddedServer server;
  private final PlatformHttpServer management;

  private PlatformHttpServer(
      ApplicationContext context, EmbeddedServer server, PlatformHttpServer management) {
    this.context = context;
    this.server = server;
    this.management = management;
  }

  /** Serves {@code singletons}' routes where {@code http} says; the binding's properties win. */
  public static PlatformHttpServer start(HttpBinding http, List<Object> singletons) {
    Map<String, Object> all = new HashMap<>();
    all.put("micronaut.server.max-request-size", MAX_REQUEST_BYTES);
    all.putAll(http.properties());
    PlatformHttpServer management = null;
    if (http.managementPort() != HttpBinding.NO_MANAGEMENT) {
      management =
          serve(
              http.host(), http.managementPort(), managementProperties(), meters(singletons), null);
    }
    return serve(http.host(), http.port(), all, oneAuditLog(singletons), management);
  }

  /**
   * {@code singletons} with one {@link AuditLog} only: services sharing a server (local mode, a
   * test's companion) each bring a writer of the same audit topic, and a route's {@code AuditLog}
   * must be one bean. Any one of them writes the same entries.
   */
  private static List<Object> oneAuditLog(List<Object> singletons) {
    List<Object> kept = new ArrayList<>(singletons.size());
    boolean audit = false;
    for (Object bean : singletons) {
      if (bean instanceof AuditLog) {
        if (audit) {
          continue;
        }
        audit = true;
      }
      kept.add(bean);
    }
    return kept;
  }

  private static PlatformHttpServer serve(
      String host,
      int port,
      Map<String, Object> properties,
      List<Object> singletons,
      PlatformHttpServer management) {
    Map<String, Object> all = new HashMap<>(properties);
    // Micronaut Security is on the classpath for its JWT validator (platform.auth); its filter
    // would deny every route: the services' gates decide who passes.
    all.put("micronaut.security.enabled", false);
    all.put("micronaut.security.filter.enabled", false);
    all.put("micronaut.server.host", host);
    all.put("micronaut.server.port", port);
    ApplicationContext context =
        ApplicationContext.builder().properties(all).singletons(singletons.toArray()).start();
    try {
      return new PlatformHttpServer(
          context, context.getBean(EmbeddedServer.class).start(), management);
    } catch (RuntimeException e) {
      context.close();
      if (management != null) {
        management.close();
      }
      throw e;
    }
  }

  private static Map<String, Object> managementProperties() {
    return Map.of(MANAGEMENT_PROPERTY, true, "micronaut.server.max-request-size", 1024);
  }

  /** The meter registries of {@code singletons}: all the management server is given. */
  private static List<Object> meters(List<Object> singletons) {
    return singletons.stream().filter(b -> b instanceof PrometheusMeterRegistry).toList();
  }

  /** Where the server answers, e.g. {@code http://localhost:8080}. */
  public URI url() {
    return URI.create("http://" + server.getHost() + ":" + server.getPort());
  }

  /** Where {@code /prometheus} answers, e.g. {@code http://localhost:9464}, if anywhere. */
  public Optional<URI> managementUrl() {
    return Optional.ofNullable(management).map(PlatformHttpServer::url);
  }

  /** The port it listens on, the bound one when asked for 0. */
  public int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    server.stop();
    context.close();
    if (management != null) {
      management.close();
    }
  }
}

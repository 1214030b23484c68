package io.sealtrail.platform.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Objects;

/**
 * Where the HTTP server listens, where its management server (metrics) listens, and any further
 * Micronaut or {@code sealtrail.http.*} properties.
 *
 * @param port 0 picks a free port
 * @param managementPort the port of {@code /prometheus}, on the same host; 0 picks a free port,
 *     {@link #NO_MANAGEMENT} serves no metrics. Never the API's port: the meters name every
 *     registered partner and its rejections, which is for operators, not for anyone who can reach
 *     the API.
 */
public record HttpBinding(
    String host, int port, Map<String, Object> properties, int managementPort) {
  /** No management server: metrics are not served at all. */
  public static final int NO_MANAGEMENT = -1;

  /** The flat key of the management port in every service's configuration. */
  public static final String MANAGEMENT_PORT_KEY = "sealtrail.management.port";

  /** The management port of a deployed service unless configured: the Prometheus exporter's. */
  public static final int DEFAULT_MANAGEMENT_PORT = 9464;

  public HttpBinding {
    Objects.requireNonNull(host, "host");
    requirePort("port", port);
    if (managementPort != NO_MANAGEMENT) {
      requirePort("management port", managementPort);
      if (managementPort == port && port != 0) {
        throw new IllegalArgumentException(
            "the management port must differ from the API port " + port);
      }
    }
    properties = Map.copyOf(properties);
  }

  /** A binding serving no metrics. */
  public HttpBinding(String host, int port, Map<String, Object> properties) {
    this(host, port, properties, NO_MANAGEMENT);
  }

  /** A binding serving no metrics. */
  public HttpBinding(String host, int port) {
    this(host, port, Map.of());
  }

  /** This binding with metrics served on {@code managementPort}. */
  public HttpBinding withManagementPort(int managementPort) {
    return new HttpBinding(host, port, properties, managementPort);
  }

  /** The management port {@code flat} configures ({@link #MANAGEMENT_PORT_KEY}), else 9464. */
  public static int managementPort(Map<String, String> flat) {
    String value = flat.get(MANAGEMENT_PORT_KEY);
    return value == null || value.isBlank()
        ? DEFAULT_MANAGEMENT_PORT
        : Integer.parseInt(value.strip());
  }

  /**
   * This binding with port 0 replaced by a port free now, for a server whose port must be known
   * before it starts (a Kafka Streams {@code application.server}). Another process may take it in
   * between, which only tests and local mode ask for.
   */
  public HttpBinding withConcretePort() {
    if (port != 0) {
      return this;
    }
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      return new HttpBinding(host, probe.getLocalPort(), properties, managementPort);
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + host, e);
    }
  }

  private static void requirePort(String name, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(name + " " + port + " is not a TCP port");
    }
  }
}

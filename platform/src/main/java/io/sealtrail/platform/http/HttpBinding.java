package io.sealtrail.platform.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Objects;

/**
 * Where the HTTP server listens and any further Micronaut or {@code sealtrail.http.*} properties.
 *
 * @param port 0 picks a free port
 */
public record HttpBinding(String host, int port, Map<String, Object> properties) {
  public HttpBinding {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is not a TCP port");
    }
    properties = Map.copyOf(properties);
  }

  public HttpBinding(String host, int port) {
    this(host, port, Map.of());
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
      return new HttpBinding(host, probe.getLocalPort(), properties);
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + host, e);
    }
  }
}

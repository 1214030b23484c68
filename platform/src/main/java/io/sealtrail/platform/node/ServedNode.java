package io.sealtrail.platform.node;

import io.sealtrail.platform.http.NodeHttp;
import io.sealtrail.platform.http.Serving;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What every running node is to HTTP, whoever serves it ({@link Serving}): the beans of its routes
 * and health for a shared server, or where its own server answers.
 */
public abstract class ServedNode implements AutoCloseable {
  private final NodeHttp http;

  protected ServedNode(NodeHttp http) {
    this.http = http;
  }

  /** The beans of the node's routes and health, for a shared server, which adds role tokens. */
  public List<Object> httpBeans() {
    return http.beans();
  }

  /** Where the node's own server answers; only when it serves alone. */
  public URI url() {
    return http.url();
  }

  /** Where the node's {@code /prometheus} answers, if it serves metrics; only when alone. */
  public Optional<URI> managementUrl() {
    return http.managementUrl();
  }
}

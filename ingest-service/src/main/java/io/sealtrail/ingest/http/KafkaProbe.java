package io.sealtrail.ingest.http;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Tells readiness whether a broker answers now. A consumer's poll returns quietly while the brokers
 * are away, so the partner directory's freshness alone does not show an outage.
 */
public final class KafkaProbe implements AutoCloseable {
  private final Admin admin;
  private final Duration timeout;

  public KafkaProbe(Map<String, Object> clientConfig, Duration timeout) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    this.admin = Admin.create(config);
    this.timeout = timeout;
  }

  /** True when the cluster described itself with at least one broker within the timeout. */
  public boolean reachable() {
    var options = new DescribeClusterOptions().timeoutMs((int) timeout.toMillis());
    try {
      return !admin
          .describeCluster(options)
          .nodes()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .isEmpty();
    } catch (ExecutionException | TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    admin.close(timeout);
  }
}

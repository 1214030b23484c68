package io.sealtrail.bench.soak;

import io.sealtrail.testing.GroupLag;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;

/**
 * The consumer lag of every group on the broker (the services' stream applications), summed, as
 * {@code kafka-consumer-groups --describe} computes it (test-support's {@link GroupLag}).
 */
public final class ConsumerLag implements AutoCloseable {
  private final Admin admin;

  public ConsumerLag(String bootstrapServers) {
    var props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
    this.admin = Admin.create(props);
  }

  /** Total lag over every group and partition; -1 when the broker did not answer. */
  long total() {
    return total(group -> true);
  }

  /** Total lag over every partition of the groups {@code groups} accepts; -1 as above. */
  public long total(Predicate<String> groups) {
    try {
      long total = 0;
      for (ConsumerGroupListing group :
          admin.listConsumerGroups().all().get(20, TimeUnit.SECONDS)) {
        if (!groups.test(group.groupId())) {
          continue;
        }
        Map<?, Long> lag = GroupLag.of(admin, group.groupId());
        total += lag.values().stream().mapToLong(Long::longValue).sum();
      }
      return total;
    } catch (Exception e) {
      return -1;
    }
  }

  @Override
  public void close() {
    admin.close();
  }
}

package io.sealtrail.system.multinode;

import java.net.URI;

/**
 * Where the scenario runs: a Kafka cluster, a Confluent-compatible schema registry, and the
 * replication factor its topics get (3 on a three-broker cluster, 1 on a single container).
 */
record Platform(String bootstrapServers, URI registryUrl, int replicationFactor) {
  /** In-sync replicas a write needs: one fewer than the replicas, at least one. */
  int minInSync() {
    return Math.max(1, replicationFactor - 1);
  }
}

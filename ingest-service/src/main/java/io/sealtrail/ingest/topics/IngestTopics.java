package io.sealtrail.ingest.topics;

import java.util.Map;
import java.util.Objects;

/**
 * The topics ingest reads and writes, and how many partitions the ones it creates get. The
 * submissions and dedup topics must have the same partition count: partition p of the dedup topic
 * holds the dedup state of submissions partition p.
 */
public record IngestTopics(
    String inbound,
    String submissions,
    String events,
    String rejected,
    String dedup,
    String replies,
    String partners,
    int partitions,
    short replicationFactor) {

  public IngestTopics {
    Objects.requireNonNull(inbound, "inbound");
    Objects.requireNonNull(submissions, "submissions");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(rejected, "rejected");
    Objects.requireNonNull(dedup, "dedup");
    Objects.requireNonNull(replies, "replies");
    Objects.requireNonNull(partners, "partners");
    if (partitions < 1 || replicationFactor < 1) {
      throw new IllegalArgumentException("partitions and replication factor must be positive");
    }
  }

  /**
   * Reads {@code sealtrail.topics.*} keys; absent keys get the contract names ({@code
   * custody.inbound}, ...), 6 partitions and replication factor 3.
   */
  public static IngestTopics fromConfig(Map<String, String> config) {
    return new IngestTopics(
        config.getOrDefault("sealtrail.topics.inbound", "custody.inbound"),
        config.getOrDefault("sealtrail.topics.submissions", "custody.ingest.submissions"),
        config.getOrDefault("sealtrail.topics.events", "custody.events"),
        config.getOrDefault("sealtrail.topics.rejected", "custody.rejected"),
        config.getOrDefault("sealtrail.topics.dedup", "custody.ingest.dedup"),
        config.getOrDefault("sealtrail.topics.replies", "custody.ingest.replies"),
        config.getOrDefault("sealtrail.topics.partners", "custody.partners"),
        Integer.parseInt(config.getOrDefault("sealtrail.topics.partitions", "6")),
        Short.parseShort(config.getOrDefault("sealtrail.topics.replication-factor", "3")));
  }

  /** The same names with {@code prefix} in front of each, e.g. for one test's own topics. */
  public IngestTopics prefixed(String prefix) {
    return new IngestTopics(
        prefix + inbound,
        prefix + submissions,
        prefix + events,
        prefix + rejected,
        prefix + dedup,
        prefix + replies,
        prefix + partners,
        partitions,
        replicationFactor);
  }
}
